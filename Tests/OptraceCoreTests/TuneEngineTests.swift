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
        list.append(Optimizer(Trace<Vec2>(decay: 0.8, dampening: 0.3, nesterov: true).then(ScaleByLearningRate(0.4))))
        list.append(Optimizer(Trace<Vec2>(decay: 0.7, dampening: 0.1).then(ScaleByLearningRate(schedule: Schedule { 0.5 / Double($0 + 1) }))))
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

    @Test func rulesOfOneShapeStepInLanesAndOthersLaneByLane() {
        let lanes = Lanes.scalarCount
        func configuration(_ name: String, _ values: [String: Double], clipping: GradientClipping? = nil) -> OptimizerConfiguration {
            let definition = OptimizerCatalog.definition(named: name)!
            let hp = definition.resolve(values.mapValues { .number($0) })
            return definition.configuration(hp, learningRate: .constant(hp.number("lr")), clipping: clipping)
        }
        func laneRule(_ group: [OptimizerConfiguration]) -> UpdateRule<LaneVec2>? { OptimizerConfiguration.rule(for: group) }
        // Every rule of the catalog, at its defaults, and with a different learning rate and β per lane.
        for definition in OptimizerCatalog.all {
            let group = (0..<lanes).map { configuration(definition.name, ["lr": 0.01 * Double($0 + 1)]) }
            #expect(laneRule(group) != nil, "\(definition.name)")
        }
        #expect(laneRule((0..<lanes).map { configuration("momentum", ["lr": 0.1, "beta": 0.1 * Double($0)]) }) != nil)
        #expect(laneRule((0..<lanes).map { configuration("sgd", ["lr": 0.1], clipping: .norm(Double($0 + 1))) }) != nil)
        // Lanes that need different chains: momentum 0 (no buffer) beside momentum 0.9, a weight decay in some
        // lanes only, two rules, two clipping kinds.
        #expect(laneRule([configuration("sgd", ["momentum": 0])] + Array(repeating: configuration("sgd", ["momentum": 0.9]), count: lanes - 1)) == nil)
        #expect(laneRule([configuration("adam", ["weight_decay": 0.1])] + Array(repeating: configuration("adam", [:]), count: lanes - 1)) == nil)
        #expect(laneRule([configuration("sgd", [:])] + Array(repeating: configuration("momentum", [:]), count: lanes - 1)) == nil)
        #expect(laneRule([configuration("sgd", [:], clipping: .value(1))] + Array(repeating: configuration("sgd", [:], clipping: .norm(1)), count: lanes - 1)) == nil)
    }

    /// A group whose runs need different chains (momentum 0 beside momentum > 0, a weight decay in two lanes, another
    /// rule) steps each class of runs in lanes of its own and the odd ones alone: each run equals its own race.
    @Test func aGroupOfMixedChainsEqualsItsRaces() {
        func optimizer(_ name: String, _ values: [String: Double]) -> Optimizer {
            let definition = OptimizerCatalog.definition(named: name)!
            let hp = definition.resolve(values.mapValues { .number($0) })
            return definition.configuration(hp, learningRate: .constant(hp.number("lr")), clipping: nil).optimizer
        }
        var optimizers = [optimizer("sgd", ["lr": 0.1, "momentum": 0])]
        optimizers += (1...12).map { optimizer("sgd", ["lr": 0.02 * Double($0), "momentum": 0.07 * Double($0)]) }
        optimizers += [optimizer("sgd", ["lr": 0.1, "momentum": 0.5, "weight_decay": 0.01]),
                       optimizer("sgd", ["lr": 0.2, "momentum": 0.5, "weight_decay": 0.02]),
                       optimizer("adam", ["lr": 0.3])]
        #expect(optimizers.count == Lanes.scalarCount)
        expectSweepEqualsRaces(optimizers, seed: 5, steps: 150, threads: 1, label: "mixed")
    }

    /// Sweeps `optimizers` from (10, 4) on valley-bump with σ = 0.3 and checks each outcome against its own race.
    func expectSweepEqualsRaces(_ optimizers: [Optimizer], seed: UInt64, steps: Int, threads: Int, label: String) {
        let noise = GradientNoise(sigma: Vec2(0.3, 0.3), seed: seed)
        let engine = SweepEngine(
            surface: valleyBump, configurations: optimizers, starts: [Vec2(10, 4)], noise: noise, seeds: [seed],
            noisy: true, steps: steps, threshold: 0.05)
        let runs = optimizers.indices.map { SweepRun(configuration: $0) }
        for (run, outcome) in zip(runs, engine.run(runs, threads: threads)) {
            let expected = reference(
                valleyBump, optimizers[run.configuration], start: Vec2(10, 4), noise: noise, noisy: true, steps: steps, threshold: 0.05)
            #expect(same(outcome, expected), "\(label) configuration \(run.configuration): \(outcome) vs \(expected)")
        }
    }

    /// Every rule of the catalog with per-lane learning rates, a schedule and clipping, swept in lanes: each run
    /// equals its own race bit for bit.
    @Test(arguments: OptimizerCatalog.all.map(\.name))
    func everyCatalogRuleInLanesEqualsItsRaces(name: String) {
        let definition = OptimizerCatalog.definition(named: name)!
        let base = definition.resolve([:]).number("lr")
        var optimizers: [Optimizer] = []
        let width = Lanes.scalarCount
        for k in 0..<width {
            let hp = definition.resolve(["lr": .number(base * [0.5, 1, 3, 10, 30, 100, 300, 3000][k % 8] * (k < 8 ? 1 : 0.7))])
            optimizers.append(definition.configuration(hp, learningRate: .constant(hp.number("lr")), clipping: nil).optimizer)
        }
        for k in 0..<width {
            let hp = definition.resolve(["lr": .number(base * [1, 10, 100, 1000, 2, 20, 200, 2000][k % 8])])
            let warmup = Schedule.warmupCosine(peak: hp.number("lr"), warmupSteps: 10, decaySteps: 60 + 10 * k)
            optimizers.append(definition.configuration(hp, learningRate: warmup, clipping: .norm(0.5 * Double(k + 1))).optimizer)
        }
        for k in 0..<width {
            let hp = definition.resolve(["lr": .number(base * [0.3, 3, 30, 300, 1, 10, 100, 1000][k % 8])])
            optimizers.append(definition.configuration(hp, learningRate: .constant(hp.number("lr")), clipping: .value(0.25 * Double(k + 1))).optimizer)
        }
        for g in 0..<3 {
            let group = optimizers[(width * g)..<(width * g + width)].map { $0.configuration! }
            #expect((OptimizerConfiguration.rule(for: Array(group)) as UpdateRule<LaneVec2>?) != nil, "group \(g) steps in lanes")
        }
        expectSweepEqualsRaces(optimizers, seed: 11, steps: 120, threads: 2, label: name)
    }

    /// A rule added to the catalog as a chain of existing transformations steps in lanes with no lane code of its
    /// own, and each lane equals its race.
    @Test func aNewRuleDefinedOnlyAsAChainRunsInLanes() {
        let definition = OptimizerDefinition(
            name: "heavy-adam", summary: "a heavy-ball buffer before Adam's scaling (for this test)", formula: [],
            parameters: [
                OptimizerCatalog.learningRate,
                OptimizerParameter("beta", symbol: "β", kind: .number(.unitInterval), default: .number(0.5), summary: "buffer decay"),
            ],
            recipe: HeavyAdamRecipe())
        let optimizers = (0..<(2 * Lanes.scalarCount)).map { k -> Optimizer in
            let hp = definition.resolve(["lr": .number(0.02 * Double(k % 16 + 1)), "beta": .number(0.03 * Double(k))])
            return definition.configuration(hp, learningRate: .constant(hp.number("lr")), clipping: nil).optimizer
        }
        #expect((OptimizerConfiguration.rule(for: Array(optimizers.prefix(Lanes.scalarCount)).map { $0.configuration! }) as UpdateRule<LaneVec2>?) != nil)
        let noise = GradientNoise(sigma: Vec2(0.2, 0.2), seed: 3)
        let engine = SweepEngine(
            surface: valleyBump, configurations: optimizers, starts: [Vec2(10, 4)], noise: noise, seeds: [3], noisy: true,
            steps: 100, threshold: 0.05)
        let runs = optimizers.indices.map { SweepRun(configuration: $0) }
        for (run, outcome) in zip(runs, engine.run(runs, threads: 1)) {
            let expected = reference(
                valleyBump, optimizers[run.configuration], start: Vec2(10, 4), noise: noise, noisy: true, steps: 100, threshold: 0.05)
            #expect(same(outcome, expected), "configuration \(run.configuration)")
        }
    }
}

/// The chain of the test rule `heavy-adam`: `Trace(β)` → `ScaleByAdam` → `ScaleByLearningRate(η)`, nothing else.
private struct HeavyAdamRecipe: UpdateRuleRecipe {
    func rule<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        let step: ScaleByLearningRate<V> = p.descent()
        let adam = ScaleByAdam<V>(beta1: V.Scalar(repeating: 0.9), beta2: V.Scalar(repeating: 0.999), eps: V.Scalar(repeating: 1e-8))
        return p.rule(Trace<V>(decay: p.number("beta")).then(adam).then(step))
    }
}

/// A transformation the lane engine does not know: clips each component to [−1, 1].
private struct ClipForTest: GradientTransformation {
    func initialState(params: Vec2) -> Int { 0 }
    func update(_ updates: Vec2, state: Int, params: Vec2) -> (updates: Vec2, state: Int) {
        (Vec2(Swift.max(-1, Swift.min(1, updates.x)), Swift.max(-1, Swift.min(1, updates.y))), state + 1)
    }
}
