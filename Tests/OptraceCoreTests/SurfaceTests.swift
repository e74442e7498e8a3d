import Testing
@testable import OptraceCore

private func surfaceError(_ build: () throws -> Surface) -> SurfaceError? {
    do {
        _ = try build()
        return nil
    } catch {
        return error as? SurfaceError
    }
}

@Test func defaultScenarioSurface() throws {
    let surface = try Surface(terms: defaultScenario, expression: nil, domain: defaultDomain, minima: nil)
    let expected = try Expression(parsing: "0.5*(0.1*x^2 + y^2) + 1.5*exp(-((x-3)^2 + (y-0.2)^2)/(2*0.8^2))")
    var random = TestRandom(seed: 42)
    let reference = try Tape(expected, variables: ["x", "y"])
    for _ in 0..<100 {
        let p = Vec2(random.uniform(-6, 12), random.uniform(-5, 5))
        #expect(Swift.abs(surface.value(at: p) - reference.value(at: [p.x, p.y])) < 1e-12)
    }
    #expect(surface.domain == defaultDomain)
    #expect(try Expression(parsing: surface.formula) == surface.expression)
}

@Test func singleTermUsesPublishedMinimaAndDefaultDomain() throws {
    let surface = try Surface(terms: [SurfaceTermSpec(name: "rosenbrock", parameters: ["a": [2]])], expression: nil, domain: nil, minima: nil)
    #expect(surface.minima == [KnownMinimum(point: Vec2(2, 4), value: 0)])
    #expect(surface.domain == TermDefinition.rosenbrock.defaultDomain)
}

@Test func expressionAloneAndGivenMinima() throws {
    let surface = try Surface(terms: [], expression: "(x - 1)^2 + 2*(y + 2)^2 + 3", domain: nil, minima: nil)
    #expect(surface.domain == Surface.fallbackDomain)
    #expect(surface.minima.count == 1)
    #expect(Swift.abs(surface.minima[0].point.x - 1) < 1e-9 && Swift.abs(surface.minima[0].point.y + 2) < 1e-9)
    #expect(Swift.abs(surface.minima[0].value - 3) < 1e-15)

    let given = try Surface(terms: [], expression: "x^2 + y^2", domain: nil, minima: [Vec2(1, 0), Vec2(0, 0)])
    #expect(given.minima == [KnownMinimum(point: Vec2(1, 0), value: 1, isGlobal: false), KnownMinimum(point: Vec2(0, 0), value: 0)])

    let sum = try Surface(terms: [SurfaceTermSpec(name: "booth")], expression: "0.1*x", domain: nil, minima: nil)
    #expect(sum.domain == TermDefinition.booth.defaultDomain)
    #expect(sum.minima.count == 1)
    #expect(sum.formula == "(x + 2 * y - 7)^2 + (2 * x + y - 5)^2 + 0.1 * x")
}

@Test func surfaceErrors() {
    #expect(surfaceError { try Surface(terms: [], expression: nil, domain: nil, minima: nil) } == .noTerms)
    #expect(surfaceError { try Surface(terms: [SurfaceTermSpec(name: "rosenbrok")], expression: nil, domain: nil, minima: nil) }
            == .unknownTerm(name: "rosenbrok", suggestion: "rosenbrock"))
    #expect(surfaceError { try Surface(terms: [SurfaceTermSpec(name: "bump", parameters: ["hieght": [1]])], expression: nil, domain: nil, minima: nil) }
            == .unknownParameter(term: "bump", name: "hieght", valid: ["center", "height", "width"]))
    #expect(surfaceError { try Surface(terms: [SurfaceTermSpec(name: "bump", parameters: ["center": [1]])], expression: nil, domain: nil, minima: nil) }
            == .wrongArity(term: "bump", parameter: "center", expected: 2, found: 1))
    #expect(surfaceError { try Surface(terms: [SurfaceTermSpec(name: "bump", parameters: ["width": [0]])], expression: nil, domain: nil, minima: nil) }
            == .invalidParameter(term: "bump", parameter: "width", message: "must be positive"))
    #expect(surfaceError { try Surface(terms: [SurfaceTermSpec(name: "bump", parameters: ["height": [.infinity]])], expression: nil, domain: nil, minima: nil) }
            == .invalidParameter(term: "bump", parameter: "height", message: "must be finite"))
    #expect(surfaceError { try Surface(terms: [], expression: "x + 2*z", domain: nil, minima: nil) }
            == .expression(ExpressionError(message: "undefined variable 'z' (expected one of: x, y)", column: 7)))
    #expect(surfaceError { try Surface(terms: [], expression: "x +", domain: nil, minima: nil) }
            == .expression(ExpressionError(message: "expected an operand but found end of input", column: 4)))
    #expect(surfaceError { try Surface(terms: [], expression: "x", domain: Domain(x: 1...1, y: 0...1), minima: nil) }
            == .invalidParameter(term: "surface", parameter: "domain", message: "must be a finite box of positive width and height"))
    let described = SurfaceError.unknownParameter(term: "bump", name: "hieght", valid: ["center", "height", "width"]).description
    #expect(described == "term 'bump' has no parameter 'hieght' (did you mean 'height'?); valid: center, height, width")
    #expect(SurfaceError.unknownTerm(name: "rosenbrok", suggestion: "rosenbrock").description.hasPrefix(
        "unknown surface term 'rosenbrok' (did you mean 'rosenbrock'?)"))
}

@Test func evaluatorMatchesTheSurface() throws {
    let surface = try Surface(terms: defaultScenario, expression: "0.01*sin(3*x)*tanh(y)", domain: defaultDomain, minima: [Vec2(0, 0)])
    var evaluator = surface.makeEvaluator()
    var random = TestRandom(seed: 3)
    for _ in 0..<200 {
        let p = Vec2(random.uniform(-6, 12), random.uniform(-5, 5))
        let fast = evaluator.valueAndGradient(at: p), slow = surface.valueAndGradient(at: p)
        #expect(fast.value == slow.value && fast.gradient == slow.gradient)
        #expect(evaluator.value(at: p) == fast.value)
    }
}

@Test func defaultScenarioCompilesToTwoFusedSteps() throws {
    // The race's hot path: the valley becomes one sum of squares, the bump one Gaussian step, and their sum
    // lives in the program's output; the trace still shows every node as written.
    let surface = try Surface(terms: defaultScenario, expression: nil, domain: defaultDomain, minima: [Vec2(0, 0)])
    #expect(surface.tape.instructionCount == 2)
    #expect(surface.tape.nodeCount > 20)
}
