import Testing
@testable import OptraceCore

/// A sweep's lane rules built by index (`TuneTarget.laneRules`: the racer's hyperparameters and each lane's axis
/// values) step exactly as the rules built from every cell's own optimizer (`TuneTarget.cellOptimizers`).
@Suite struct LaneRuleTests {
    let surface = try! Surface(terms: defaultScenario, domain: defaultDomain)

    /// A second axis for `definition`: one number of its first pair, else its first number besides `lr`, swept
    /// from half its default (0 when the default is 0) to its default (0.5 when the default is 0).
    func secondAxis(_ definition: OptimizerDefinition) -> SweepAxis? {
        let hp = definition.resolve([:])
        for parameter in definition.parameters where parameter.name != "lr" {
            switch parameter.kind {
            case .pair:
                let value = hp.pair(parameter.name).1
                return SweepAxis(name: "\(parameter.name)[1]", low: value / 2, high: value, scale: .linear, count: 5)
            case .number:
                let value = hp.number(parameter.name)
                return SweepAxis(name: parameter.name, low: value == 0 ? 0 : value / 2, high: value == 0 ? 0.5 : value, scale: .linear, count: 5)
            default:
                continue
            }
        }
        return nil
    }

    /// Outcomes of the sweep of `plan` for `racer`, with the lane rules built by index or from each cell's optimizer.
    func outcomes(_ racer: Racer, _ plan: SweepPlan, byIndex: Bool, first: Int = 0) throws -> [RunOutcome] {
        let target = try TuneTarget(racer: racer)
        try target.check(plan)
        let count = plan.cellCount - first
        let cellOptimizer = target.cellOptimizers(plan)
        let engine = SweepEngine(
            surface: surface, configurationCount: count, makeOptimizer: { cellOptimizer(first + $0) },
            makeLaneRule: byIndex ? target.laneRules(plan, first: first) : nil,
            starts: [Vec2(10, 4)], noise: GradientNoise(sigma: Vec2(0.3, 0.2), seed: 5), seeds: [5, 6], noisy: true,
            steps: 80, threshold: 0.05)
        return engine.run(count: count * 2, threads: 2) { SweepRun(configuration: $0 % count, start: 0, seed: $0 / count) }
    }

    func expectSame(_ a: [RunOutcome], _ b: [RunOutcome], _ label: String) {
        #expect(a.count == b.count)
        for (i, (x, y)) in zip(a, b).enumerated() {
            let same = x.finalPosition.x.bitPattern == y.finalPosition.x.bitPattern
                && x.finalPosition.y.bitPattern == y.finalPosition.y.bitPattern && x.finalLoss.bitPattern == y.finalLoss.bitPattern
                && x.lossSum.bitPattern == y.lossSum.bitPattern && x.firstStepBelow == y.firstStepBelow && x.divergedStep == y.divergedStep
            #expect(same, "\(label) run \(i): \(x) vs \(y)")
        }
    }

    /// Every rule of the catalog, swept over lr and one of its own numbers (a pair's component where it has a pair),
    /// plain, under a schedule with a swept key, and with swept clipping thresholds of both kinds.
    @Test(arguments: OptimizerCatalog.all.map(\.name))
    func everyCatalogRuleByIndexEqualsItsCellsOptimizers(name: String) throws {
        let definition = try #require(OptimizerCatalog.definition(named: name))
        let lr = definition.resolve([:]).number("lr")
        let lrAxis = SweepAxis(name: "lr", low: lr / 3, high: lr * 30, scale: .log, count: 7)
        let second = try #require(secondAxis(definition), "\(name) has a number to sweep")
        let plain = Racer(name: "R", definition: definition)
        func racer(schedule: ScheduleSpec? = nil, clipping: GradientClipping? = nil) -> Racer {
            Racer(
                name: "R", optimizerName: name, hyperparameters: plain.hyperparameters, optimizer: plain.optimizer,
                schedule: schedule, clipping: clipping)
        }
        let cosine = ScheduleSpec(type: ScheduleCatalog.cosine, given: ["decay_steps": 40, "alpha": 0.1])
        let decaySteps = SweepAxis(name: "decay_steps", low: 10, high: 40, scale: .linear, count: 4)
        func random(_ axis: SweepAxis) -> SweepAxis { SweepAxis(name: axis.name, low: axis.low, high: axis.high, scale: axis.scale, count: nil) }
        let cases: [(String, Racer, [SweepAxis], Int?)] = [
            ("plain", plain, [lrAxis, second], nil),
            ("schedule", racer(schedule: cosine), [lrAxis, decaySteps], nil),
            ("schedule", racer(schedule: cosine), [second, decaySteps], nil),
            ("clip_norm", racer(clipping: .norm(1)), [second, SweepAxis(name: "clip_norm", low: 0.1, high: 10, scale: .log, count: 6)], nil),
            ("clip_value", racer(clipping: .value(1)), [lrAxis, SweepAxis(name: "clip_value", low: 0.05, high: 5, scale: .log, count: 4)], nil),
            ("random", racer(schedule: cosine, clipping: .norm(1)),
             [random(lrAxis), random(second), random(SweepAxis(name: "clip_norm", low: 0.1, high: 10, scale: .log, count: 6))], 40),
        ]
        for (label, racer, axes, samples) in cases {
            let plan = try SweepPlan(axes: axes, randomCount: samples, randomSeed: 3)
            expectSame(try outcomes(racer, plan, byIndex: true), try outcomes(racer, plan, byIndex: false), "\(name) \(label)")
            // A shard whose first cell is not a multiple of the lane count.
            expectSame(
                try outcomes(racer, plan, byIndex: true, first: 7), try outcomes(racer, plan, byIndex: false, first: 7),
                "\(name) \(label) from cell 7")
        }
    }

    /// Lanes of one shape get one rule; lanes that need different chains (momentum 0 beside momentum > 0) get none
    /// from the index, and the engine then steps each shape in its own lanes, as without the index.
    @Test func lanesOfDifferentShapesFallBackToTheirOptimizers() throws {
        let sgd = Racer(name: "S", definition: OptimizerCatalog.sgd)
        let target = try TuneTarget(racer: sgd)
        let plan = try SweepPlan(axes: [
            SweepAxis(name: "lr", low: 0.05, high: 0.5, scale: .log, count: 4),
            SweepAxis(name: "momentum", low: 0, high: 0.9, scale: .linear, count: 10),
        ])
        let rules = target.laneRules(plan, first: 0)
        let powers = PowerTable(steps: 10)
        // Cells 0–3 have momentum 0, cells 4–19 have momentum > 0.
        #expect(rules(Array(0..<16), powers) == nil)
        #expect(rules(Array(4..<20), powers) != nil)
        #expect(rules(Array(repeating: 0, count: 16), powers) != nil)
        expectSame(try outcomes(sgd, plan, byIndex: true), try outcomes(sgd, plan, byIndex: false), "sgd momentum 0 and > 0")
    }

    /// Numbers read by index: a pair's component where it varies, the shared value elsewhere, and a component
    /// name (`beta2`) reads the varying component of its pair.
    @Test func laneHyperparametersReadVaryingComponents() {
        let shared = OptimizerCatalog.adam.resolve([:])
        let values = (0..<Lanes.scalarCount).map { 0.9 + Double($0) / 1000 }
        let lanes = LaneHyperParameters(shared: shared, varying: [.init(name: "betas", component: 1, values: values)])
        let (b1, b2): (Lanes, Lanes) = lanes.pair("betas")
        let named: Lanes = lanes.number("beta2")
        for i in 0..<Lanes.scalarCount {
            #expect(b1[i] == 0.9 && b2[i] == values[i] && named[i] == values[i])
            #expect(lanes.value("betas", lane: i) == .pair(0.9, values[i]))
        }
        #expect(lanes.all("eps", { $0 > 0 }) == true)
        #expect(lanes.all("beta2", { $0 < 0.92 }) == true)
        #expect(lanes.all("beta2", { $0 > 0.95 }) == false)
        #expect(lanes.all("beta2", { $0 < 0.903 }) == nil)
        #expect(lanes.all("beta1", { $0 < 0.903 }) == true)
        #expect(lanes.flag("amsgrad") == false)
    }
}
