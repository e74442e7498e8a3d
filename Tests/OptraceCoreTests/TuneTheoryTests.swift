import Foundation
import Testing
@testable import OptraceCore

/// The tuner against the theory of quadratics: it must find gradient descent's and heavy-ball momentum's
/// best settings within grid resolution, for several condition numbers, and honour the stability edge.
@Suite struct TuneTheoryTests {
    /// A noiseless race on a rotated valley with curvatures [1, κ].
    func quadratic(_ kappa: Double, racer: Racer) throws -> (Surface, TuneTarget) {
        let surface = try Surface(
            terms: [SurfaceTermSpec(name: "valley", parameters: ["curvatures": [1, kappa], "angle": [30]])],
            domain: Domain(x: -5...5, y: -5...5))
        return (surface, try TuneTarget(racer: racer))
    }

    func header(_ plan: SweepPlan, racer: Racer, steps: Int, theory: QuadraticTheory) -> SweepHeader {
        SweepHeader(
            scenario: "q", title: "q", racer: racer.name, optimizer: racer.optimizerName,
            hyperparameters: racer.hyperparameters, plan: plan, steps: steps, seeds: [0], sigma: .zero, batch: 1,
            noisy: true, start: Vec2(3, 2), objective: .finalLoss, floor: 0, windowFactor: 10,
            curvatures: (theory.lambda1, theory.lambda2))
    }

    @Test(arguments: [4.0, 10, 100, 1000])
    func gradientDescentsBestRateIsTwoOverTheCurvatureSum(kappa: Double) throws {
        let racer = Racer(name: "GD", definition: OptimizerCatalog.sgd)
        let (surface, target) = try quadratic(kappa, racer: racer)
        let theory = try #require(QuadraticTheory(surface: surface))
        #expect(abs(theory.lambda1 - 1) < 1e-12 && abs(theory.lambda2 - kappa) < 1e-9 * kappa)
        let expected = 2 / (1 + kappa)
        let axis = SweepAxis(name: "lr", low: expected / 4, high: expected * 1.5, scale: .log, count: 60)
        let plan = try SweepPlan(axes: [axis])
        // Steps so that the best run's loss stays far above underflow: ρ* = (κ−1)/(κ+1).
        let rate = (kappa - 1) / (kappa + 1)
        let steps = Int(60 / -log10(rate))
        let result = SweepResult(
            header: header(plan, racer: racer, steps: steps, theory: theory),
            cells: Sweep.run(header(plan, racer: racer, steps: steps, theory: theory), target: target, surface: surface))
        let best = try #require(result.best)
        let cell = log(axis.high / axis.low) / Double(axis.count! - 1)
        #expect(abs(log(best.values[0] / expected)) <= cell, "κ=\(kappa): best lr \(best.values[0]), theory \(expected)")
        #expect(result.theory?.best?[0] == expected)
        // Beyond 2/λ₂ every run grows instead of converging.
        for c in result.cells where c.values[0] > 1.02 * 2 / kappa {
            #expect(c.diverged == 1 || (c.mean ?? 0) > 0.5 * (kappa * 4 + 9))
        }
    }

    @Test(arguments: [10.0, 30, 100, 400])
    func heavyBallsBestSettingsArePolyaks(kappa: Double) throws {
        let racer = Racer(name: "HB", definition: OptimizerCatalog.momentum)
        let (surface, target) = try quadratic(kappa, racer: racer)
        let theory = try #require(QuadraticTheory(surface: surface))
        let (lr, beta) = theory.momentumBest
        #expect(abs(lr - pow(2 / (1 + kappa.squareRoot()), 2)) < 1e-12)
        #expect(abs(beta - pow((kappa.squareRoot() - 1) / (kappa.squareRoot() + 1), 2)) < 1e-12)
        let lrAxis = SweepAxis(name: "lr", low: lr / 3, high: lr * 2, scale: .log, count: 40)
        let betaAxis = SweepAxis(name: "beta", low: 0, high: 0.95, scale: .linear, count: 40)
        let plan = try SweepPlan(axes: [lrAxis, betaAxis])
        let steps = Int(100 / -log10(beta.squareRoot()))
        let h = header(plan, racer: racer, steps: steps, theory: theory)
        let result = SweepResult(header: h, cells: Sweep.run(h, target: target, surface: surface))
        let best = try #require(result.best)
        let lrCell = log(lrAxis.high / lrAxis.low) / 39, betaCell = 0.95 / 39
        #expect(abs(log(best.values[0] / lr)) <= 1.5 * lrCell, "κ=\(kappa): best lr \(best.values[0]), theory \(lr)")
        #expect(abs(best.values[1] - beta) <= 1.5 * betaCell, "κ=\(kappa): best β \(best.values[1]), theory \(beta)")
        let predicted = try #require(result.theory?.best)
        #expect(predicted[0] == lr && predicted[1] == beta)
        // Stable inside 0 < lr·λ₂ < 2 + 2β (with a margin), growing well outside it.
        for c in result.cells {
            let limit = theory.stabilityLimit(beta: c.values[1])
            if c.values[0] < 0.95 * limit { #expect(c.diverged == 0 && (c.mean ?? .infinity) < 1) }
            if c.values[0] > 1.1 * limit { #expect(c.diverged == 1 || (c.mean ?? 0) > 10) }
        }
    }

    @Test func quadraticsAreRecognisedFromTermsAndExpressions() throws {
        let booth = try Surface(terms: [SurfaceTermSpec(name: "booth")])
        let b = try #require(QuadraticTheory(surface: booth))
        #expect(abs(b.lambda1 - 2) < 1e-12 && abs(b.lambda2 - 18) < 1e-12)
        let written = try Surface(terms: [], expression: "0.5*(0.1*x^2 + y^2) - 3*x*y/10 + 2*x + pi", domain: Domain(x: -1...1, y: -1...1), minima: [])
        let form = try #require(QuadraticForm(written.expression))
        #expect(form.hessian.xx == 0.1 && form.hessian.yy == 1 && abs(form.hessian.xy + 0.3) < 1e-15)
        #expect(QuadraticTheory(surface: try Surface(terms: defaultScenario, domain: defaultDomain)) == nil)
        #expect(QuadraticForm(try Expression(parsing: "x^3 + y^2")) == nil)
        #expect(QuadraticForm(try Expression(parsing: "x*y*x")) == nil)
        #expect(QuadraticForm(try Expression(parsing: "exp(x) + y^2")) == nil)
        #expect(QuadraticForm(try Expression(parsing: "x^2 + exp(1)*y^2")) != nil)
        // A saddle is a quadratic but not a bowl: no theory.
        #expect(QuadraticTheory(surface: try Surface(terms: [], expression: "x^2 - y^2", domain: Domain(x: -1...1, y: -1...1), minima: [])) == nil)
    }

    @Test func theoryAppliesOnlyToPlainGradientDescentAndHeavyBall() throws {
        let q = QuadraticTheory(lambda1: 1, lambda2: 10)
        let lr = try SweepPlan(axes: [SweepAxis(name: "lr", low: 0.01, high: 1, scale: .log, count: 8)])
        let adam = try TuneTarget(racer: Racer(name: "A", definition: OptimizerCatalog.adam))
        #expect(SweepTheory(quadratic: q, target: adam, plan: lr) == nil)
        let momentum = try TuneTarget(racer: Racer(name: "M", definition: OptimizerCatalog.momentum, given: ["beta": .number(0.5)]))
        let atBeta = try #require(SweepTheory(quadratic: q, target: momentum, plan: lr))
        #expect(atBeta.best == nil && atBeta.edge == 0.3)
        let sgd = try TuneTarget(racer: Racer(name: "S", definition: OptimizerCatalog.sgd))
        let gd = try #require(SweepTheory(quadratic: q, target: sgd, plan: lr))
        #expect(gd.best == [2.0 / 11] && gd.edge == 0.2)
    }

    /// The reported stability edge (the first value above the best where runs end above their start or
    /// diverge) of a 1-D lr sweep of `racer` over 30 steps, and the grid's ratio between neighbours.
    func reportedEdge(kappa: Double, racer: Racer, low: Double, high: Double) throws -> (edge: Double, ratio: Double) {
        let (surface, target) = try quadratic(kappa, racer: racer)
        let theory = try #require(QuadraticTheory(surface: surface))
        // A fine grid (3 % between neighbours) and 30 steps: just past the limit a run grows too slowly to
        // diverge, so only its ending above its start tells.
        let axis = SweepAxis(name: "lr", low: low, high: high, scale: .log, count: 200)
        let plan = try SweepPlan(axes: [axis])
        let h = header(plan, racer: racer, steps: 30, theory: theory)
        let result = SweepResult(header: h, cells: Sweep.run(h, target: target, surface: surface))
        let window = try #require(result.window)
        let edge = try #require(window.unstableAbove)
        return (edge, pow(high / low, 1.0 / 199))
    }

    @Test(arguments: [4.0, 10, 100])
    func theReportedEdgeOfGradientDescentIsTwoOverTheLargestCurvature(kappa: Double) throws {
        let limit = 2 / kappa
        let (edge, ratio) = try reportedEdge(
            kappa: kappa, racer: Racer(name: "GD", definition: OptimizerCatalog.sgd), low: limit / 300, high: limit * 1.5)
        // The first grid value at or above 2/λ₂, or the next.
        #expect(edge >= limit * (1 - 1e-12) && edge <= limit * ratio * ratio * (1 + 1e-12), "κ = \(kappa): edge \(edge), 2/λ₂ = \(limit)")
    }

    @Test(arguments: [(4.0, 0.5), (10, 0.3), (100, 0.8)])
    func theReportedEdgeOfTheHeavyBallIsTwoPlusTwoBetaOverTheLargestCurvature(kappa: Double, beta: Double) throws {
        let limit = (2 + 2 * beta) / kappa
        let racer = Racer(name: "HB", definition: OptimizerCatalog.momentum, given: ["beta": .number(beta)])
        let (edge, ratio) = try reportedEdge(kappa: kappa, racer: racer, low: limit / 300, high: limit * 1.5)
        #expect(edge >= limit * (1 - 1e-12) && edge <= limit * ratio * ratio * (1 + 1e-12), "κ = \(kappa), β = \(beta): edge \(edge), theory \(limit)")
    }
}
