import Testing
@testable import OptraceCore

/// A race of one racer through `RaceRunner`: the reference every sweep run must equal bit for bit.
private func reference(
    _ surface: Surface, _ optimizer: Optimizer, start: Vec2, noise: GradientNoise, noisy: Bool, steps: Int,
    threshold: Double
) -> RunOutcome {
    let racer = Racer(name: "R", optimizerName: "x", hyperparameters: HyperParameters([]), optimizer: optimizer, noisy: noisy)
    let setup = RaceSetup(start: start, steps: steps, noise: noise, racers: [racer], checkpoints: [steps], threshold: threshold)
    var evaluator = surface.makeEvaluator()
    let trajectory = RaceRunner.runRacer(racer, setup: setup, domain: surface.domain, evaluator: &evaluator)
    var sum = 0.0
    for t in stride(from: 1, through: trajectory.lastStep, by: 1) { sum += trajectory.losses[t] }
    return RunOutcome(
        finalPosition: trajectory.positions[trajectory.lastStep], finalLoss: trajectory.losses[trajectory.lastStep],
        lossSum: sum, firstStepBelow: trajectory.firstStep(below: threshold), divergedStep: trajectory.status.divergedAtStep)
}

/// Bitwise equality of two outcomes (NaN equals NaN of the same bits).
private func same(_ a: RunOutcome, _ b: RunOutcome) -> Bool {
    a.finalPosition.x.bitPattern == b.finalPosition.x.bitPattern && a.finalPosition.y.bitPattern == b.finalPosition.y.bitPattern
        && a.finalLoss.bitPattern == b.finalLoss.bitPattern && a.lossSum.bitPattern == b.lossSum.bitPattern
        && a.firstStepBelow == b.firstStepBelow && a.divergedStep == b.divergedStep
}

private func optimizer(_ name: String, _ values: [String: Double]) -> Optimizer {
    let definition = OptimizerCatalog.definition(named: name)!
    return definition.build(definition.resolve(values.mapValues { .number($0) }))
}

@Suite struct TuneEngineTests {
    let valleyBump = try! Surface(terms: defaultScenario, domain: defaultDomain)

    /// Configurations that converge, oscillate, cross the bump and diverge.
    var configurations: [Optimizer] {
        var list: [Optimizer] = []
        for lr in [0.01, 0.3, 1.6, 2.05, 3.5, 40] { list.append(optimizer("sgd", ["lr": lr])) }
        for (lr, beta) in [(0.22, 0.9), (0.05, 0.0), (1.0, 0.99), (3.9, 0.95), (5, 0.5)] {
            list.append(optimizer("momentum", ["lr": lr, "beta": beta]))
        }
        for (lr, b1, b2) in [(0.3, 0.9, 0.999), (0.01, 0.5, 0.9), (2.0, 0.0, 0.5)] {
            list.append(optimizer("adam", ["lr": lr, "beta1": b1, "beta2": b2]))
        }
        // Shapes without a lane form (Nesterov and dampening through a custom chain; an unknown leaf).
        list.append(Optimizer(Trace(decay: 0.8, dampening: 0.3, nesterov: true).then(ScaleByLearningRate(0.4))))
        list.append(Optimizer(Trace(decay: 0.7, dampening: 0.1).then(ScaleByLearningRate(schedule: Schedule { 0.5 / Double($0 + 1) }))))
        list.append(Optimizer(ClipForTest().then(ScaleByLearningRate(0.9))))
        return list
    }

    @Test(arguments: [(0.0, true), (0.4, true), (0.4, false)])
    func everyRunEqualsItsOwnRaceBitForBit(sigma: Double, noisy: Bool) {
        let configurations = self.configurations
        let starts = [Vec2(10, 4), Vec2(-5, -4.5), Vec2(3, 0.2)]
        let noise = GradientNoise(sigma: Vec2(sigma, sigma), seed: 77)
        let seeds: [UInt64] = [77, 78]
        let steps = 150, threshold = 0.05
        let engine = SweepEngine(
            surface: valleyBump, configurations: configurations, starts: starts, noise: noise, seeds: seeds,
            noisy: noisy, steps: steps, threshold: threshold)
        var runs: [SweepRun] = []
        for c in configurations.indices { for s in starts.indices { for k in seeds.indices { runs.append(SweepRun(configuration: c, start: s, seed: k)) } } }
        let outcomes = engine.run(runs, threads: 2)
        var diverged = 0
        for (run, outcome) in zip(runs, outcomes) {
            let law = GradientNoise(sigma: noise.sigma, seed: seeds[run.seed])
            let expected = reference(
                valleyBump, configurations[run.configuration], start: starts[run.start], noise: law, noisy: noisy,
                steps: steps, threshold: threshold)
            #expect(same(outcome, expected), "run \(run): \(outcome) vs \(expected)")
            if outcome.diverged { diverged += 1 }
        }
        #expect(diverged > 0 && diverged < runs.count)
    }

    @Test func theThreadCountDoesNotChangeAnything() {
        let configurations = self.configurations
        let engine = SweepEngine(
            surface: valleyBump, configurations: configurations, starts: [Vec2(10, 4)],
            noise: GradientNoise(sigma: Vec2(0.2, 0.2), seed: 5), seeds: [5, 6, 7], noisy: true, steps: 80, threshold: 0.1)
        let runs = configurations.indices.flatMap { c in (0..<3).map { SweepRun(configuration: c, seed: $0) } }
        let one = engine.run(runs, threads: 1)
        for threads in [2, 3, 7] {
            let other = engine.run(runs, threads: threads)
            #expect(zip(one, other).allSatisfy(same))
        }
    }

    @Test func theLaneTapeEqualsTheScalarTapeOnEveryOperation() throws {
        let source = "sin(x)*cos(y) + tanh(x*y) + sigmoid(x-y) + abs(x) + min(x,y) + max(x^2,y) + x^y + sqrt(x*x+1) + log(y*y+2) + 2^x + x^5 + y^3 + 1/(x+9) + x/(y+9) + tan(0.1*x) + exp(-x)"
        let surface = try Surface(terms: [], expression: source, domain: Domain(x: -3...3, y: -3...3), minima: [])
        var scalar = surface.makeEvaluator()
        let lanes = SurfaceLaneEvaluator(surface: surface)
        var rng = SplitMix64(state: 3)
        for round in 0..<50 {
            var x = Lanes(repeating: 0), y = Lanes(repeating: 0)
            for i in 0..<Lanes.scalarCount {
                x[i] = rng.uniform(UInt64(round * 16 + 2 * i)) * 6 - 3
                y[i] = rng.uniform(UInt64(round * 16 + 2 * i + 1)) * 6 - 3
            }
            if round == 0 { x[0] = 0; y[1] = 0; x[2] = -0.0 }
            let (f, gx, gy) = lanes.valueAndGradient(x: x, y: y)
            for i in 0..<Lanes.scalarCount {
                let (v, g) = scalar.valueAndGradient(at: Vec2(x[i], y[i]))
                #expect(v.bitPattern == f[i].bitPattern && g.x.bitPattern == gx[i].bitPattern && g.y.bitPattern == gy[i].bitPattern)
            }
            rng = SplitMix64(state: rng.state)
        }
    }

    @Test func knownChainsGetLaneFormsAndOthersDoNot() {
        let lanes = Lanes.scalarCount
        #expect(LaneOptimizer.make(Array(repeating: optimizer("momentum", ["lr": 0.1]), count: lanes)) != nil)
        #expect(LaneOptimizer.make(Array(repeating: optimizer("adam", [:]), count: lanes)) != nil)
        #expect(LaneOptimizer.make(Array(repeating: Optimizer(ClipForTest()), count: lanes)) == nil)
        let mixed = [optimizer("sgd", [:])] + Array(repeating: optimizer("momentum", [:]), count: lanes - 1)
        #expect(LaneOptimizer.make(mixed) == nil)
    }
}

/// A transformation the lane engine does not know: clips each component to [−1, 1].
private struct ClipForTest: GradientTransformation {
    func initialState(params: Vec2) -> Int { 0 }
    func update(_ updates: Vec2, state: Int, params: Vec2) -> (updates: Vec2, state: Int) {
        (Vec2(Swift.max(-1, Swift.min(1, updates.x)), Swift.max(-1, Swift.min(1, updates.y))), state + 1)
    }
}
