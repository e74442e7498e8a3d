import Testing
@testable import OptraceCore

private func tape(_ source: String, _ variables: [String]) throws -> Tape {
    try Tape(Expression(parsing: source), variables: variables)
}

private func rounded4(_ v: Double) -> Double { (v * 10_000).rounded() / 10_000 }

@Test func chapterTraceExample() throws {
    let t = try tape("0.5*(sigmoid(w*x+b)-y)^2", ["w", "x", "b", "y"])
    let trace = t.trace(at: [1, 2, -1.5, 1])
    #expect(rounded4(trace.value) == 0.0713)
    #expect(rounded4(trace.gradient[0]) == -0.1774)
    #expect(rounded4(trace.gradient[2]) == -0.0887)
    // The structure as written: 4 inputs, then const 0.5, mul, add, sigmoid, sub, const 2, pow, mul.
    #expect(trace.nodes.map(\.operation) == [
        "input w", "input x", "input b", "input y", "const 0.5", "mul", "add", "sigmoid", "sub", "const 2", "pow", "mul",
    ])
    #expect(t.nodeCount == 12)
    let sigmoidNode = trace.nodes[7]
    #expect(rounded4(sigmoidNode.value) == 0.6225)
    #expect(rounded4(sigmoidNode.localDerivatives[0]) == 0.2350)

    let other = t.trace(at: [1, 2, -1.5, 0])
    #expect(rounded4(other.gradient[0]) == 0.2926)

    // The fast program agrees with the trace.
    let (value, gradient) = t.gradient(at: [1, 2, -1.5, 1])
    #expect(Swift.abs(value - trace.value) < 1e-15)
    for i in 0..<4 { #expect(Swift.abs(gradient[i] - trace.gradient[i]) < 1e-15) }
}

@Test func traceAdjointsSatisfyTheChainRule() throws {
    // EQ M8.1: ∂f/∂node = Σ over children ∂f/∂child · ∂child/∂node, with ∂f/∂f = 1.
    let t = try tape("0.5*(sigmoid(w*x+b)-y)^2", ["w", "x", "b", "y"])
    let trace = t.trace(at: [1, 2, -1.5, 1])
    let root = trace.nodes.count - 1
    #expect(trace.nodes[root].adjoint == 1)
    for node in trace.nodes where node.index != root {
        var sum = 0.0
        for child in trace.nodes {
            for (k, input) in child.inputs.enumerated() where input == node.index {
                sum += child.adjoint * child.localDerivatives[k]
            }
        }
        #expect(Swift.abs(node.adjoint - sum) < 1e-15, "node \(node.index) \(node.operation)")
    }
}

@Test func oneGradientStepLowersTheLoss() throws {
    let t = try tape("0.5*(sigmoid(w*x+b)-y)^2", ["w", "x", "b", "y"])
    var w = 1.0, b = -1.5
    let before = t.gradient(at: [w, 2, b, 1])
    #expect(rounded4(before.value) == 0.0713)
    w -= 1 * before.gradient[0]
    b -= 1 * before.gradient[2]
    let after = t.value(at: [w, 2, b, 1])
    #expect(rounded4(after) == 0.0392)
}

/// Expressions covering every operation and function, each with a box where it is smooth.
@Test(arguments: [
    ("x + y - 3", -5.0, 5.0, -5.0, 5.0),
    ("x * y - x / y", -3.0, 3.0, 0.5, 2.0),
    ("-x + +y * -2", -3.0, 3.0, -3.0, 3.0),
    ("x^y", 0.2, 3.0, -2.0, 2.0),
    ("x^3 - 2*y^2 + x^4 * y^5", -2.0, 2.0, -2.0, 2.0),
    ("x^-1.5 + x^0.5 * y^-1", 0.3, 3.0, 0.5, 2.0),
    ("2^-y * x + pi*x + e^y", -2.0, 2.0, -2.0, 2.0),
    ("(x - 3)^2 * 0.5 + (2*y + 1)^2 / 4", -5.0, 5.0, -5.0, 5.0),
    ("exp(x*y/3)", -2.0, 2.0, -2.0, 2.0),
    ("log(x + y)", 0.5, 3.0, 0.5, 3.0),
    ("sqrt(x^2 + y^2 + 1)", -3.0, 3.0, -3.0, 3.0),
    ("sin(x) * cos(y)", -4.0, 4.0, -4.0, 4.0),
    ("tan(x/3) - y", -3.0, 3.0, -1.0, 1.0),
    ("tanh(x - y) * sigmoid(3*x - y)", -3.0, 3.0, -3.0, 3.0),
    ("abs(x - y) + abs(x)", 0.5, 2.0, -2.0, -0.5),
    ("min(x, y) * max(x*y, y + 3)", -2.0, -1.0, 1.0, 2.0),
    ("max(x, y) - min(y^2, x)", 1.0, 2.0, -2.0, -1.5),
    ("1 / (1 + x^2 + y^2) + 3 / x", 0.5, 3.0, -3.0, 3.0),
    ("exp(-((x - 3)^2 + (y - 0.2)^2) / (2 * 0.8^2)) * 1.5 + 0.5*(0.1*x^2 + y^2)", -6.0, 12.0, -5.0, 5.0),
    ("(x*y)^2.5 + x^16 / 1e4", 0.2, 1.5, 0.2, 1.5),
    ("(-2)^2 * x + (x*x)*(x*x) - x*x*x", -2.0, 2.0, -2.0, 2.0),
    ("x + y + x*y - 2*x + 3", -2.0, 2.0, -2.0, 2.0),
    ("(x - 1)^2 + (x + 2)^2 * 3 - y^2", -2.0, 2.0, -2.0, 2.0),
    ("2*exp(-(x^2 + (y-1)^2)) - exp(-(x^2 + (y-1)^2)/2) + e^(x - y)", -2.0, 2.0, -2.0, 2.0),
    ("sigmoid((x - y)^2 + 0.5*x^2) * x + exp(-x^2 - y^2) * y", -2.0, 2.0, -2.0, 2.0),
])
func gradientMatchesFiniteDifferences(source: String, x0: Double, x1: Double, y0: Double, y1: Double) throws {
    let t = try tape(source, ["x", "y"])
    var random = TestRandom(seed: 0x5EED_0000 &+ UInt64(source.count))
    for _ in 0..<200 {
        let p = [random.uniform(x0, x1), random.uniform(y0, y1)]
        let (value, gradient) = t.gradient(at: p)
        let reference = FiniteDifference.gradient({ t.value(at: $0) }, at: p)
        #expect(FiniteDifference.close(value, t.trace(at: p).value, tolerance: 1e-13))
        #expect(FiniteDifference.close(value, t.value(at: p), tolerance: 1e-15))
        let traced = t.trace(at: p).gradient
        for i in 0..<2 {
            #expect(FiniteDifference.close(gradient[i], reference[i]), "\(source) at \(p): ∂\(i) \(gradient[i]) vs \(reference[i])")
            #expect(FiniteDifference.close(gradient[i], traced[i], tolerance: 1e-12))
        }
    }
}

@Test func gradientOverThreeVariables() throws {
    let t = try tape("0.5*(sigmoid(w*x+b)-y)^2 + w^2*b", ["w", "x", "b", "y"])
    var random = TestRandom(seed: 7)
    for _ in 0..<100 {
        let p = (0..<4).map { _ in random.uniform(-2, 2) }
        let (_, gradient) = t.gradient(at: p)
        let reference = FiniteDifference.gradient({ t.value(at: $0) }, at: p)
        for i in 0..<4 { #expect(FiniteDifference.close(gradient[i], reference[i])) }
    }
}

@Test func derivativeConventions() throws {
    #expect(try tape("abs(x)", ["x"]).gradient(at: [0]).gradient == [0])
    #expect(try tape("min(x, y)", ["x", "y"]).gradient(at: [1, 1]).gradient == [1, 0])
    #expect(try tape("max(x, y)", ["x", "y"]).gradient(at: [1, 1]).gradient == [1, 0])
    #expect(try tape("min(x, y)", ["x", "y"]).gradient(at: [2, 1]).gradient == [0, 1])
    #expect(try tape("x^2", ["x"]).gradient(at: [0]) == (0, [0]))
    #expect(try tape("x^2", ["x"]).gradient(at: [-2]) == (4, [-4]))
    // Constant exponent: d/dx only; negative base is fine.
    #expect(try tape("x^3", ["x"]).trace(at: [-2]).gradient == [12])
    // General power: ∂/∂y = x^y·log x for x > 0, 0 otherwise.
    let general = try tape("x^y", ["x", "y"])
    let (v, g) = general.gradient(at: [2, 3])
    #expect(v == 8)
    #expect(g[0] == 12)
    #expect(Swift.abs(g[1] - 8 * 0.6931471805599453) < 1e-14)
    #expect(general.gradient(at: [-2, 2]).gradient == [-4, 0])
    #expect(general.trace(at: [-2, 2]).gradient == [-4, 0])
    // A zero local derivative blocks an infinite adjoint: sqrt'(0)·0 counts as 0, not NaN.
    let cusp = try tape("sqrt(x^2 + y^2)", ["x", "y"])
    #expect(cusp.gradient(at: [0, 0]).gradient == [0, 0])
    #expect(cusp.trace(at: [0, 0]).gradient == [0, 0])
}

@Test func nonFiniteResultsPropagateWithoutTrapping() throws {
    let t = try tape("log(x) + sqrt(y) + 1/x + x^16 + 2^y", ["x", "y"])
    let (v, g) = t.gradient(at: [0, -1])
    #expect(v.isNaN)
    #expect(g[0].isInfinite || g[0].isNaN)
    #expect(t.value(at: [.nan, 1]).isNaN)
    #expect(t.value(at: [.infinity, 1]).isInfinite)
    let huge = try tape("x^1e300 + exp(x)", ["x"])
    #expect(huge.value(at: [2]).isInfinite)
    _ = huge.trace(at: [.nan])
}

@Test func undefinedVariableReportsItsColumn() throws {
    let e = #expect(throws: ExpressionError.self) { try tape("x + 2*z", ["x", "y"]) }
    #expect(e?.message == "undefined variable 'z' (expected one of: x, y)")
    #expect(e?.column == 7)
    #expect(throws: ExpressionError.self) { try Tape(.variable("x"), variables: ["pi"]) }
    #expect(throws: ExpressionError.self) { try Tape(.variable("x"), variables: ["x", "x"]) }
}

@Test func constantFoldingShrinksTheProgramButNotTheTrace() throws {
    let t = try tape("x * (2 * 0.8^2) + exp(0) * y - (3 - 3)", ["x", "y"])
    #expect(t.nodeCount == 16)
    #expect(t.instructionCount == 0)  // 1.28·x + y is all in the program's output sum
    let trace = t.trace(at: [1, 2])
    #expect(trace.nodes.contains { $0.operation == "const 0.8" })
    #expect(Swift.abs(t.value(at: [1, 2]) - (1.28 + 2)) < 1e-14)
}

@Test func degenerateTapes() throws {
    let constant = try tape("2 * pi", ["x", "y"])
    #expect(constant.gradient(at: [1, 2]) == (2 * Double.pi, [0, 0]))
    #expect(constant.trace(at: [1, 2]).value == 2 * Double.pi)
    let identity = try tape("y", ["x", "y"])
    #expect(identity.gradient(at: [1, 2]) == (2, [0, 1]))
    #expect(identity.trace(at: [1, 2]).gradient == [0, 1])
}

@Test func longChainsCompileAndEvaluate() throws {
    let source = String(repeating: "x+", count: 4_999) + "x"
    let t = try tape(source, ["x"])
    let (v, g) = t.gradient(at: [1.5])
    #expect(v == 1.5 * 5_000)
    #expect(g == [5_000])
    #expect(t.trace(at: [1]).gradient == [5_000])
    let parsed = try Expression(parsing: source)
    #expect(parsed.description.count == 5_000 + 4_999 * 3)
    #expect(parsed == parsed)
}
