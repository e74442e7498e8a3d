import Testing
@testable import OptraceCore

/// Update rules against values computed by hand from the torch.optim documentation's pseudo-code.
@Suite struct OptimizerGoldenTests {
    static let start = Vec2(1.0, -1.0)
    static let gradients: [Vec2] = [Vec2(1.0,-2.0),Vec2(0.5,0.25),Vec2(-3.0,1.0),Vec2(2.0,2.0),Vec2(0.1,-0.7),Vec2(-0.4,0.3),Vec2(1.5,-1.25),Vec2(0.0,0.8),Vec2(-2.2,-0.05),Vec2(0.9,1.1),Vec2(-0.6,0.45),Vec2(3.0,-3.0)]

    func expectClose(_ actual: [Vec2], _ expected: [Vec2], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            let scale = max(1, abs(e.x), abs(e.y))
            #expect(abs(a.x - e.x) <= 1e-12 * scale && abs(a.y - e.y) <= 1e-12 * scale, "\(a) vs \(e)", sourceLocation: sourceLocation)
        }
    }

    func run(_ name: String, _ given: [String: ParameterValue]) -> [Vec2] {
        let definition = OptimizerCatalog.definition(named: name)!
        return definition.build(definition.resolve(given)).trajectory(from: Self.start, gradients: Self.gradients)
    }

    @Test func sgd() {
        expectClose(run("sgd", ["lr": .number(0.1)]), [
            Vec2(0.9, -0.8),
            Vec2(0.85, -0.8250000000000001),
            Vec2(1.15, -0.925),
            Vec2(0.95, -1.125),
            Vec2(0.94, -1.055),
            Vec2(0.98, -1.085),
            Vec2(0.83, -0.96),
            Vec2(0.83, -1.04),
            Vec2(1.05, -1.0350000000000001),
            Vec2(0.9600000000000001, -1.1450000000000002),
            Vec2(1.02, -1.1900000000000002),
            Vec2(0.72, -0.8900000000000001),
        ])
    }

    @Test func heavyBallMomentumStartsWithTheFirstGradient() {
        expectClose(run("momentum", ["lr": .number(0.05), "beta": .number(0.9)]), [
            Vec2(0.95, -0.9),
            Vec2(0.88, -0.8225),
            Vec2(0.967, -0.80275),
            Vec2(0.9453, -0.884975),
            Vec2(0.9207700000000001, -0.9239774999999999),
            Vec2(0.9186930000000001, -0.9740797499999999),
            Vec2(0.8418237000000001, -0.9566717749999999),
            Vec2(0.7726413300000001, -0.9810045974999999),
            Vec2(0.8203771970000001, -1.00040413775),
            Vec2(0.8183394773000001, -1.0728637239749998),
            Vec2(0.8465055295700001, -1.1605773515775),
            Vec2(0.7218549766130001, -1.08951961641975),
        ])
    }

    @Test func adamWithTorchDefaults() {
        expectClose(run("adam", ["lr": .number(0.01)]), [
            Vec2(0.9900000001, -0.99000000005),
            Vec2(0.9806782038298161, -0.9842746543328955),
            Vec2(0.9841504388806656, -0.983152287929567),
            Vec2(0.9834820258913468, -0.9863291354081419),
            Vec2(0.9827726744449911, -0.9877074694744178),
            Vec2(0.9827154778499909, -0.9893950939086185),
            Vec2(0.9808055738192264, -0.9888674407949835),
            Vec2(0.9791218786099958, -0.9895700039477697),
            Vec2(0.9801300652962847, -0.9901224368685014),
            Vec2(0.9800881736180083, -0.9920708987406454),
            Vec2(0.980660140574506, -0.9944014316195746),
            Vec2(0.9785225362945871, -0.9929479469822412),
        ])
    }

    @Test func adamWithOtherBetasAndEps() {
        expectClose(
            run("adam", ["lr": .number(0.3), "beta1": .number(0.8), "beta2": .number(0.99), "eps": .number(1e-3)]),
            [
            Vec2(0.7002997002997002, -0.7001499250374812),
            Vec2(0.4261688129916189, -0.5420048501072723),
            Vec2(0.5559620892988688, -0.5344163155569281),
            Vec2(0.5327865301996774, -0.6650053316420397),
            Vec2(0.5092667335452435, -0.7198575906882201),
            Vec2(0.5115521034554522, -0.7828592192041807),
            Vec2(0.43939361690744405, -0.7547739681292269),
            Vec2(0.3806447552122415, -0.7801478329030525),
            Vec2(0.43722894382694905, -0.7978537904006812),
            Vec2(0.4421779605073672, -0.8767278014823757),
            Vec2(0.47373525466450184, -0.9680982342992185),
            Vec2(0.37695745849513934, -0.8840271288529193),
        ])
    }

    @Test func defaultsAreTorchs() {
        let adam = OptimizerCatalog.adam.resolve([:])
        #expect(adam.number("lr") == 1e-3)
        #expect(adam.number("beta1") == 0.9)
        #expect(adam.number("beta2") == 0.999)
        #expect(adam.number("eps") == 1e-8)
        #expect(OptimizerCatalog.momentum.resolve([:]).number("beta") == 0.9)
        #expect(OptimizerCatalog.sgd.resolve([:]).number("lr") == 1e-3)
    }

    @Test func chapterVelocityExample() {
        // §8.6: β = 0.8, every gradient +1: v₁ = 1, v₂ = 1.8, v₃ = 2.44.
        var stepper = TransformationStepper(Trace<Vec2>(decay: 0.8), params: .zero)
        var v: [Double] = []
        for _ in 0..<3 {
            v.append(stepper.step(params: .zero, gradient: Vec2(1, 1)).x)
        }
        #expect(abs(v[0] - 1) < 1e-15 && abs(v[1] - 1.8) < 1e-15 && abs(v[2] - 2.44) < 1e-15)
    }

    @Test func stateIsAValueThatUpdateReturnsAnew() {
        let adam = ScaleByAdam<Vec2>()
        let s0 = adam.initialState(params: .zero)
        let (_, s1) = adam.update(Vec2(1, 2), state: s0, params: .zero)
        #expect(s0.count == 0 && s0.m == .zero)
        #expect(s1.count == 1 && s1.m == (1 - 0.9) * Vec2(1, 2))
    }

    @Test func chainComposesInOrder() {
        let chain = Trace<Vec2>(decay: 0.5).then(ScaleByLearningRate(2))
        let state = chain.initialState(params: .zero)
        let (u1, s1) = chain.update(Vec2(1, 0), state: state, params: .zero)
        let (u2, _) = chain.update(Vec2(1, 0), state: s1, params: .zero)
        #expect(u1 == Vec2(-2, 0))
        #expect(u2 == Vec2(-3, 0))
    }

    @Test func adamWithoutBiasCorrectionTakesTinyFirstSteps() {
        let corrected = ScaleByAdam<Vec2>().update(Vec2(1, 1), state: ScaleByAdam<Vec2>().initialState(params: .zero), params: .zero).updates
        let raw = ScaleByAdam<Vec2>(biasCorrection: false)
        let uncorrected = raw.update(Vec2(1, 1), state: raw.initialState(params: .zero), params: .zero).updates
        #expect(abs(corrected.x - 1) < 1e-7)
        // m = 0.1, v = 0.001: 0.1 / (√0.001 + ε) ≈ 3.162
        #expect(abs(uncorrected.x - 0.1 / (0.001.squareRoot() + 1e-8)) < 1e-12)
    }
}
