import Testing
@testable import OptraceCore

/// Every optimizer and option against `ZooReferences`, 12 updates on `OptimizerGoldenTests`' gradients.
@Suite struct OptimizerZooTests {
    typealias R = ZooReferences

    func expectClose(_ actual: [Vec2], _ expected: [Vec2], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count && expected.count >= 10, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            let scale = max(1, abs(e.x), abs(e.y))
            #expect(abs(a.x - e.x) <= 1e-12 * scale && abs(a.y - e.y) <= 1e-12 * scale, "\(a) vs \(e)", sourceLocation: sourceLocation)
        }
    }

    func resolve(_ name: String, _ given: [String: ParameterValue]) -> (OptimizerDefinition, HyperParameters) {
        let definition = OptimizerCatalog.definition(named: name)!
        return (definition, definition.resolve(given))
    }

    func run(
        _ name: String, _ given: [String: ParameterValue], schedule: ScheduleSpec? = nil, clipping: GradientClipping? = nil
    ) -> [Vec2] {
        let (definition, hp) = resolve(name, given)
        return definition.build(hp, schedule: schedule, clipping: clipping)
            .trajectory(from: OptimizerGoldenTests.start, gradients: OptimizerGoldenTests.gradients)
    }

    // MARK: SGD

    @Test func sgdWithMomentum() {
        expectClose(run("sgd", ["lr": .number(0.1), "momentum": .number(0.9)]), R.sgdMomentum)
    }

    @Test func sgdWithNesterov() {
        expectClose(run("sgd", ["lr": .number(0.1), "momentum": .number(0.9), "nesterov": .flag(true)]), R.sgdNesterov)
    }

    @Test func sgdWithDampening() {
        expectClose(run("sgd", ["lr": .number(0.1), "momentum": .number(0.9), "dampening": .number(0.5)]), R.sgdDampening)
    }

    @Test func sgdWithWeightDecayAndMomentum() {
        expectClose(
            run("sgd", ["lr": .number(0.1), "momentum": .number(0.5), "weight_decay": .number(0.1)]), R.sgdWeightDecayMomentum)
    }

    @Test func sgdIgnoresDampeningWithoutMomentumAsTorch() {
        // torch applies dampening to the momentum buffer only: without momentum it is plain SGD, to the bit.
        #expect(run("sgd", ["lr": .number(0.1), "dampening": .number(0.5)]) == run("sgd", ["lr": .number(0.1)]))
    }

    @Test func sgdDefaultsAreTorchs() {
        let (_, hp) = resolve("sgd", [:])
        #expect(hp.number("lr") == 1e-3 && hp.number("momentum") == 0 && hp.number("dampening") == 0)
        #expect(!hp.flag("nesterov") && hp.number("weight_decay") == 0)
    }

    @Test func nesterovNeedsMomentumAndNoDampening() {
        let (sgd, _) = resolve("sgd", [:])
        #expect(sgd.conflict(sgd.resolve(["nesterov": .flag(true)]))?.parameter == "nesterov")
        #expect(sgd.conflict(sgd.resolve(["nesterov": .flag(true), "momentum": .number(0.9), "dampening": .number(0.1)])) != nil)
        #expect(sgd.conflict(sgd.resolve(["nesterov": .flag(true), "momentum": .number(0.9)])) == nil)
    }

    // MARK: Momentum conventions

    @Test func momentumConventionsAgreeAtAConstantLearningRate() {
        let pytorch = run("momentum", ["lr": .number(0.05), "beta": .number(0.9)])
        let classic = run("momentum", ["lr": .number(0.05), "beta": .number(0.9), "convention": .text("classic")])
        expectClose(classic, pytorch)
        // and the pytorch convention is the chapter's heavy ball, unchanged
        expectClose(pytorch, run("sgd", ["lr": .number(0.05), "momentum": .number(0.9)]))
    }

    @Test func momentumConventionsDifferUnderASchedule() {
        let exponential = ScheduleSpec(type: ScheduleCatalog.exponential, given: ["gamma": 0.8])
        let pytorch = run("momentum", ["lr": .number(0.05), "beta": .number(0.9)], schedule: exponential)
        let classic = run(
            "momentum", ["lr": .number(0.05), "beta": .number(0.9), "convention": .text("classic")], schedule: exponential)
        expectClose(pytorch, R.momentumPytorchExponential)
        expectClose(classic, R.momentumClassicExponential)
        #expect(abs(pytorch[1].x - classic[1].x) > 1e-3)
        // the first update uses η₀ in both
        #expect(pytorch[0] == classic[0])
    }

    // MARK: Adam family

    @Test func adamWithAmsgrad() {
        expectClose(run("adam", ["lr": .number(0.1), "amsgrad": .flag(true)]), R.adamAmsgrad)
    }

    @Test func adamWithL2WeightDecay() {
        expectClose(run("adam", ["lr": .number(0.1), "weight_decay": .number(0.1)]), R.adamWeightDecay)
    }

    @Test func betasAndBeta1Beta2AreTheSame() {
        let pair = run("adam", ["lr": .number(0.3), "betas": .pair(0.8, 0.99), "eps": .number(1e-3)])
        let split = run("adam", ["lr": .number(0.3), "beta1": .number(0.8), "beta2": .number(0.99), "eps": .number(1e-3)])
        #expect(pair == split)
        let (_, hp) = resolve("adam", ["beta1": .number(0.8)])
        #expect(hp["betas"] == .pair(0.8, 0.999) && hp["beta1"] == nil)
        #expect(hp.number("beta1") == 0.8 && hp.number("beta2") == 0.999)
    }

    @Test func adamwDecouplesWeightDecay() {
        expectClose(run("adamw", ["lr": .number(0.1)]), R.adamw)
        let (_, hp) = resolve("adamw", [:])
        #expect(hp.number("weight_decay") == 1e-2 && hp.number("lr") == 1e-3 && hp["betas"] == .pair(0.9, 0.999))
    }

    @Test func adamwWithAmsgradAndStrongDecay() {
        expectClose(
            run("adamw", ["lr": .number(0.1), "betas": .pair(0.8, 0.99), "weight_decay": .number(0.5), "amsgrad": .flag(true)]),
            R.adamwAmsgradStrongDecay)
    }

    @Test func adamWithoutBiasCorrection() {
        expectClose(run("adam_nobias", ["lr": .number(0.01)]), R.adamNoBias)
    }

    @Test func adamax() {
        expectClose(run("adamax", ["lr": .number(0.1)]), R.adamax)
        #expect(resolve("adamax", [:]).1.number("lr") == 2e-3)
    }

    @Test func adamaxWithOptions() {
        expectClose(
            run("adamax", ["lr": .number(0.1), "betas": .pair(0.8, 0.9), "eps": .number(1e-3), "weight_decay": .number(0.1)]),
            R.adamaxWeightDecay)
    }

    @Test func nadam() {
        expectClose(run("nadam", ["lr": .number(0.1)]), R.nadam)
        let (_, hp) = resolve("nadam", [:])
        #expect(hp.number("lr") == 2e-3 && hp.number("momentum_decay") == 4e-3)
    }

    @Test func nadamWithOptions() {
        expectClose(
            run("nadam", [
                "lr": .number(0.1), "betas": .pair(0.8, 0.99), "weight_decay": .number(0.1), "momentum_decay": .number(0.04),
            ]),
            R.nadamOptions)
    }

    @Test func radamSwitchesToTheRectifiedStep() {
        expectClose(run("radam", ["lr": .number(0.1)]), R.radam)
        let radam = ScaleByRAdam<Vec2>()
        #expect(radam.rho(5) <= 5 && radam.rho(6) > 5)
    }

    @Test func radamWithAShortHorizon() {
        // β₂ = 0.9: ρ∞ = 19, and ρₜ > 5 from t = 4 on
        expectClose(
            run("radam", ["lr": .number(0.1), "betas": .pair(0.8, 0.9), "weight_decay": .number(0.1)]), R.radamShortHorizon)
    }

    // MARK: Adagrad, RMSprop, Adadelta, Lion

    @Test func adagrad() {
        expectClose(run("adagrad", ["lr": .number(0.1)]), R.adagrad)
        let (_, hp) = resolve("adagrad", [:])
        #expect(hp.number("lr") == 1e-2 && hp.number("eps") == 1e-10 && hp.number("lr_decay") == 0)
    }

    @Test func adagradWithLrDecayWeightDecayAndInitialAccumulator() {
        expectClose(
            run("adagrad", [
                "lr": .number(0.1), "lr_decay": .number(0.1), "weight_decay": .number(0.1),
                "initial_accumulator_value": .number(0.5),
            ]),
            R.adagradOptions)
    }

    @Test func adagradLrDecayDividesTheScheduledRate() {
        let step = ScheduleSpec(type: ScheduleCatalog.step, given: ["step_size": 3, "gamma": 0.5])
        expectClose(run("adagrad", ["lr": .number(0.1), "lr_decay": .number(0.1)], schedule: step), R.adagradLrDecayUnderSchedule)
    }

    @Test func rmsprop() {
        expectClose(run("rmsprop", ["lr": .number(0.01)]), R.rmsprop)
        let (_, hp) = resolve("rmsprop", [:])
        #expect(hp.number("alpha") == 0.99 && hp.number("eps") == 1e-8 && !hp.flag("centered"))
    }

    @Test func rmspropCentered() {
        expectClose(run("rmsprop", ["lr": .number(0.01), "alpha": .number(0.9), "centered": .flag(true)]), R.rmspropCentered)
    }

    @Test func rmspropWithMomentum() {
        expectClose(run("rmsprop", ["lr": .number(0.01), "momentum": .number(0.9)]), R.rmspropMomentum)
    }

    @Test func rmspropCenteredWithMomentumAndWeightDecay() {
        expectClose(
            run("rmsprop", [
                "lr": .number(0.01), "alpha": .number(0.8), "eps": .number(1e-4), "momentum": .number(0.5),
                "centered": .flag(true), "weight_decay": .number(0.1),
            ]),
            R.rmspropCenteredMomentumDecay)
    }

    @Test func adadelta() {
        expectClose(run("adadelta", [:]), R.adadelta)
        let (_, hp) = resolve("adadelta", [:])
        #expect(hp.number("lr") == 1 && hp.number("rho") == 0.9 && hp.number("eps") == 1e-6)
    }

    @Test func adadeltaWithOptions() {
        expectClose(
            run("adadelta", ["lr": .number(0.5), "rho": .number(0.5), "eps": .number(1e-3), "weight_decay": .number(0.1)]),
            R.adadeltaOptions)
    }

    @Test func lion() {
        expectClose(run("lion", ["lr": .number(0.1)]), R.lion)
        let (_, hp) = resolve("lion", [:])
        #expect(hp.number("lr") == 1e-4 && hp["betas"] == .pair(0.9, 0.99) && hp.number("weight_decay") == 0)
    }

    @Test func lionWithDecoupledWeightDecay() {
        expectClose(
            run("lion", ["lr": .number(0.1), "betas": .pair(0.5, 0.9), "weight_decay": .number(0.5)]), R.lionWeightDecay)
    }

    @Test func lionStepsAreSignsOfTheInterpolatedMomentum() {
        let lion = ScaleByLion<Vec2>(beta1: 0.9, beta2: 0.99)
        let (u1, s1) = lion.update(Vec2(0, -2e-9), state: lion.initialState(params: .zero), params: .zero)
        #expect(u1 == Vec2(0, -1))
        #expect(s1.m.x == 0 && abs(s1.m.y + 2e-11) < 1e-25)
        // c = 0.9·m + 0.1·g: a small gradient against a larger momentum keeps the momentum's sign,
        let (u2, _) = lion.update(Vec2(1e-11, 1e-10), state: s1, params: .zero)
        #expect(u2 == Vec2(1, -1))
        // while m itself moves toward g at the slower rate β₂
        let (_, s2) = lion.update(Vec2(1e-11, 1e-10), state: s1, params: .zero)
        #expect(abs(s2.m.y - (0.99 * -2e-11 + 0.01 * 1e-10)) < 1e-25)
    }

    // MARK: Schedules and clipping through the optimizers

    @Test func adamUnderWarmupCosine() {
        let spec = ScheduleSpec(type: ScheduleCatalog.warmupCosine, given: ["warmup_steps": 4, "decay_steps": 10, "alpha": 0.1])
        expectClose(run("adam", ["lr": .number(0.1)], schedule: spec), R.adamWarmupCosine)
    }

    @Test func clipNormBeforeAdam() {
        expectClose(run("adam", ["lr": .number(0.1)], clipping: .norm(1.0)), R.adamClipNorm)
    }

    @Test func clipNormBeforeSGD() {
        expectClose(run("sgd", ["lr": .number(0.1)], clipping: .norm(1.5)), R.sgdClipNorm)
    }

    @Test func clipValueBeforeMomentum() {
        expectClose(run("sgd", ["lr": .number(0.1), "momentum": .number(0.9)], clipping: .value(0.75)), R.sgdClipValue)
    }

    @Test func everyOptimizerTakesAScheduleAndClipping() {
        let spec = ScheduleSpec(type: ScheduleCatalog.constant, given: [:])
        for definition in OptimizerCatalog.all {
            let hp = definition.resolve([:])
            let plain = definition.build(hp).trajectory(from: OptimizerGoldenTests.start, gradients: OptimizerGoldenTests.gradients)
            let scheduled = definition.build(hp, schedule: spec, clipping: nil)
                .trajectory(from: OptimizerGoldenTests.start, gradients: OptimizerGoldenTests.gradients)
            let huge = definition.build(hp, schedule: nil, clipping: .norm(1e9))
                .trajectory(from: OptimizerGoldenTests.start, gradients: OptimizerGoldenTests.gradients)
            #expect(plain == scheduled, "\(definition.name)")
            #expect(plain == huge, "\(definition.name)")
            #expect(plain.allSatisfy { $0.x.isFinite && $0.y.isFinite } && plain.last != OptimizerGoldenTests.start, "\(definition.name)")
        }
    }

    @Test func weightDecayIsALeafOnlyWhenNonZero() {
        func transformation(_ name: String, _ given: [String: ParameterValue]) -> any GradientTransformation<Vec2> {
            let (definition, hp) = resolve(name, given)
            return definition.build(hp).transformation
        }
        #expect(transformation("sgd", [:]) is ScaleByLearningRate<Vec2>)
        #expect(transformation("sgd", ["momentum": .number(0.9)]) is Chain<Trace<Vec2>, ScaleByLearningRate<Vec2>>)
        #expect(transformation("adam", [:]) is Chain<ScaleByAdam<Vec2>, ScaleByLearningRate<Vec2>>)
        #expect(transformation("adam", ["weight_decay": .number(0.1)]) is Chain<AddDecayedWeights<Vec2>, Chain<ScaleByAdam<Vec2>, ScaleByLearningRate<Vec2>>>)
        #expect(transformation("adamw", [:]) is Chain<Chain<ScaleByAdam<Vec2>, AddDecayedWeights<Vec2>>, ScaleByLearningRate<Vec2>>)
        #expect(transformation("adamw", ["weight_decay": .number(0)]) is Chain<ScaleByAdam<Vec2>, ScaleByLearningRate<Vec2>>)
        #expect(transformation("momentum", ["convention": .text("classic")]) is Chain<ScaleByLearningRate<Vec2>, Trace<Vec2>>)
        #expect(transformation("adam", ["amsgrad": .flag(true)]) is Chain<ScaleByAMSGrad<Vec2>, ScaleByLearningRate<Vec2>>)
    }
}
