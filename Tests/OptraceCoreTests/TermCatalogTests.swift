import Testing
@testable import OptraceCore

/// Non-default parameters for every built-in that has parameters.
private let customParameters: [String: [String: [Double]]] = [
    "valley": ["curvatures": [0.5, 3], "angle": [30], "center": [1, -2]],
    "bump": ["center": [0.5, -1], "height": [-2], "width": [0.7]],
    "saddle": ["a": [2], "b": [3], "c": [0.5]],
    "rosenbrock": ["a": [-0.5], "b": [10]],
    "rastrigin": ["A": [3]],
    "ackley": ["a": [10], "b": [0.5], "c": [3]],
]

private func tape(_ e: Expression) throws -> Tape { try Tape(e, variables: ["x", "y"]) }

@Test func catalogLookupAndSuggestions() {
    #expect(TermCatalog.all.count == 12)
    #expect(Set(TermCatalog.all.map(\.name)).count == TermCatalog.all.count)
    #expect(TermCatalog.definition(named: "goldstein_price")?.name == "goldstein_price")
    #expect(TermCatalog.definition(named: "nope") == nil)
    #expect(TermCatalog.suggestion(for: "rosenbrok") == "rosenbrock")
    #expect(TermCatalog.suggestion(for: "six_hump_camle") == "six_hump_camel")
    #expect(TermCatalog.suggestion(for: "zzz") == nil)
}

@Test(arguments: TermCatalog.all.map(\.name))
func builtInGradientMatchesFiniteDifferences(name: String) throws {
    let definition = try #require(TermCatalog.definition(named: name))
    var parameterSets: [[String: [Double]]] = [[:]]
    if let custom = customParameters[name] { parameterSets.append(custom) }
    var random = TestRandom(seed: UInt64(name.count) &* 7919)
    for parameters in parameterSets {
        let t = try tape(definition.expression(parameters))
        let box = definition.defaultDomain
        for _ in 0..<150 {
            let p = [random.uniform(box.xRange.lowerBound, box.xRange.upperBound),
                     random.uniform(box.yRange.lowerBound, box.yRange.upperBound)]
            let (value, gradient) = t.gradient(at: p)
            let reference = FiniteDifference.gradient({ t.value(at: $0) }, at: p)
            #expect(FiniteDifference.close(value, t.trace(at: p).value, tolerance: 1e-13))
            for i in 0..<2 {
                #expect(FiniteDifference.close(gradient[i], reference[i]),
                        "\(name) \(parameters) at \(p): ∂\(i) = \(gradient[i]), finite differences \(reference[i])")
            }
        }
    }
}

@Test(arguments: TermCatalog.all.map(\.name))
func builtInMinimaHaveTheirValueAndZeroGradient(name: String) throws {
    let definition = try #require(TermCatalog.definition(named: name))
    var parameterSets: [[String: [Double]]] = [[:]]
    if let custom = customParameters[name] { parameterSets.append(custom) }
    for parameters in parameterSets {
        let t = try tape(definition.expression(parameters))
        let minima = definition.minima(parameters)
        if name == "bump" && parameters.isEmpty {
            #expect(minima.isEmpty)  // a positive bump has no minimum
        } else {
            #expect(!minima.isEmpty)
        }
        #expect(minima.isEmpty || minima.contains(where: \.isGlobal))
        for minimum in minima {
            let (value, gradient) = t.gradient(at: [minimum.point.x, minimum.point.y])
            #expect(Swift.abs(value - minimum.value) <= 1e-9, "\(name) at \(minimum.point): f = \(value), published \(minimum.value)")
            // Ackley's minimum is a cusp (√ of 0); the tape's zero-derivative rule gives exactly (0, 0) there.
            #expect(Swift.abs(gradient[0]) <= 1e-6 && Swift.abs(gradient[1]) <= 1e-6, "\(name) at \(minimum.point): ∇f = \(gradient)")
        }
    }
}

@Test func ackleyCuspHasAFiniteZeroGradient() throws {
    let t = try tape(TermDefinition.ackley.expression())
    let (value, gradient) = t.gradient(at: [0, 0])
    #expect(Swift.abs(value) < 1e-12)
    #expect(gradient == [0, 0])
}

/// Newton's method on the tape's gradient (Hessian by central differences of it).
private func newton(_ t: Tape, from start: Vec2) -> Vec2 {
    var p = start
    for _ in 0..<50 {
        let g = t.gradient(at: [p.x, p.y]).gradient
        let h = 1e-6
        let gx1 = t.gradient(at: [p.x + h, p.y]).gradient, gx0 = t.gradient(at: [p.x - h, p.y]).gradient
        let gy1 = t.gradient(at: [p.x, p.y + h]).gradient, gy0 = t.gradient(at: [p.x, p.y - h]).gradient
        let a = (gx1[0] - gx0[0]) / (2 * h), d = (gy1[1] - gy0[1]) / (2 * h)
        let b = ((gx1[1] - gx0[1]) + (gy1[0] - gy0[0])) / (4 * h)
        let det = a * d - b * b
        p -= Vec2((d * g[0] - b * g[1]) / det, (a * g[1] - b * g[0]) / det)
    }
    return p
}

@Test(arguments: ["himmelblau", "six_hump_camel"])
func hardCodedMinimaAgreeWithNewtonOnTheTape(name: String) throws {
    let definition = try #require(TermCatalog.definition(named: name))
    let t = try tape(definition.expression())
    for minimum in definition.minima() {
        // Start visibly away from the constant and let Newton bring it back.
        let refined = newton(t, from: minimum.point + Vec2(0.01, -0.01))
        #expect(Swift.abs(refined.x - minimum.point.x) < 1e-12 && Swift.abs(refined.y - minimum.point.y) < 1e-12,
                "\(name): Newton \(refined) vs published \(minimum.point)")
        #expect(Swift.abs(t.value(at: [refined.x, refined.y]) - minimum.value) < 1e-13)
    }
    if name == "six_hump_camel" {
        #expect(definition.minima().filter(\.isGlobal).count == 2)
        #expect(definition.minima().filter { !$0.isGlobal }.count == 4)
    }
}

@Test(arguments: TermCatalog.all.map(\.name))
func builtInFormulasRoundTripThroughTheParser(name: String) throws {
    let definition = try #require(TermCatalog.definition(named: name))
    for parameters in [[:]] + (customParameters[name].map { [$0] } ?? []) {
        let e = definition.expression(parameters)
        #expect(try Expression(parsing: e.description) == e, "\(e.description)")
        #expect(Set(e.variables).isSubset(of: ["x", "y"]))
    }
}

@Test func valleyRotationPutsTheLowCurvatureAlongTheAngle() throws {
    let t = try tape(TermDefinition.valley.expression(["curvatures": [0.1, 1], "angle": [90], "center": [1, 2]]))
    // Rotated by 90°, the shallow axis is y: moving 1 along y costs ½·0.1, along x costs ½·1.
    #expect(Swift.abs(t.value(at: [1, 3]) - 0.05) < 1e-15)
    #expect(Swift.abs(t.value(at: [2, 2]) - 0.5) < 1e-15)
    let diagonal = try tape(TermDefinition.valley.expression(["angle": [45]]))
    let s = 0.5.squareRoot()
    #expect(Swift.abs(diagonal.value(at: [s, s]) - 0.05) < 1e-15)
}

@Test func saddleRidgeTrapsPlainGradientDescent() throws {
    let surface = try Surface(terms: [SurfaceTermSpec(name: "saddle")])
    var evaluator = surface.makeEvaluator()
    var p = Vec2(1.5, 0)
    for _ in 0..<500 { p -= 0.1 * evaluator.valueAndGradient(at: p).gradient }
    #expect(p.y == 0)
    #expect(Swift.abs(p.x) < 1e-10)  // stuck at the saddle point
    // A tiny perturbation off the ridge escapes to a minimum at (0, ±1) with f = −¼.
    var q = Vec2(1.5, 1e-9)
    for _ in 0..<1000 { q -= 0.1 * evaluator.valueAndGradient(at: q).gradient }
    #expect(Swift.abs(q.y - 1) < 1e-9)
    #expect(Swift.abs(surface.value(at: q) + 0.25) < 1e-12)
    #expect(surface.minima.map(\.point) == [Vec2(0, -1), Vec2(0, 1)])
}
