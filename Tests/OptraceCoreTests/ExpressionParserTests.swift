import Testing
@testable import OptraceCore

private func parse(_ s: String) throws -> Expression { try Expression(parsing: s) }
private let x = Expression.variable("x")
private let y = Expression.variable("y")

@Test func precedenceAndAssociativity() throws {
    #expect(try parse("-x^2") == .negate(.binary(.power, x, .number(2))))
    #expect(try parse("2^3^2") == .binary(.power, .number(2), .binary(.power, .number(3), .number(2))))
    #expect(try parse("2^-y") == .binary(.power, .number(2), .negate(y)))
    #expect(try parse("x-y-1") == .binary(.subtract, .binary(.subtract, x, y), .number(1)))
    #expect(try parse("x/y/2") == .binary(.divide, .binary(.divide, x, y), .number(2)))
    #expect(try parse("1+2*x") == .binary(.add, .number(1), .binary(.multiply, .number(2), x)))
    #expect(try parse("(1+2)*x") == .binary(.multiply, .binary(.add, .number(1), .number(2)), x))
    #expect(try parse("x*-y") == .binary(.multiply, x, .negate(y)))
    #expect(try parse("+x") == x)
    #expect(try parse("- -x") == .negate(.negate(x)))
    #expect(try parse(" 2 * x ^ 2 ") == .binary(.multiply, .number(2), .binary(.power, x, .number(2))))
}

@Test func numbersConstantsAndCalls() throws {
    #expect(try parse("3") == .number(3))
    #expect(try parse("1.5") == .number(1.5))
    #expect(try parse("1e-3") == .number(0.001))
    #expect(try parse(".5") == .number(0.5))
    #expect(try parse("2.") == .number(2))
    #expect(try parse("2E+2") == .number(200))
    #expect(try parse("pi") == .constant(.pi))
    #expect(try parse("e") == .constant(.e))
    #expect(try parse("min(x, 2)") == .call(.min, [x, .number(2)]))
    #expect(try parse("sigmoid(x)") == .call(.sigmoid, [x]))
    #expect(try parse("exp(-x)*e") == .binary(.multiply, .call(.exp, [.negate(x)]), .constant(.e)))
}

@Test func variablesInOrderOfFirstAppearance() throws {
    #expect(try parse("w*x + b - y*w + sin(pi*x)").variables == ["w", "x", "b", "y"])
    #expect(try parse("2 + pi").variables == [])
}

@Test func variableColumnsAreRecorded() throws {
    guard case let .binary(_, _, .variable(name, column)) = try parse("1 + zeta") else {
        Issue.record("unexpected tree")
        return
    }
    #expect(name == "zeta")
    #expect(column == 5)
}

private func error(_ s: String) -> ExpressionError? {
    do {
        _ = try Expression(parsing: s)
        return nil
    } catch {
        return error
    }
}

@Test(arguments: [
    ("x + #", 5, "unexpected character '#'"),
    ("", 1, "empty expression"),
    ("   ", 1, "empty expression"),
    ("(x + 1", 7, "expected ')' but found end of input"),
    ("x + 1)", 6, "unbalanced ')': no matching '('"),
    ("(x))", 4, "unbalanced ')': no matching '('"),
    ("x +", 4, "expected an operand but found end of input"),
    ("x + * 2", 5, "expected an operand but found '*'"),
    ("()", 2, "expected an operand but found ')'"),
    ("2 * sinh(x)", 5, "unknown function 'sinh' (did you mean 'sin'?)"),
    ("sigmod(x)", 1, "unknown function 'sigmod' (did you mean 'sigmoid'?)"),
    ("foo(x)", 1, "unknown function 'foo'"),
    ("pi(2)", 1, "'pi' is a constant, not a function"),
    ("1 + min(x)", 5, "function 'min' takes 2 arguments but was given 1"),
    ("exp(x, y)", 1, "function 'exp' takes 1 argument but was given 2"),
    ("exp()", 1, "function 'exp' takes 1 argument but was given 0"),
    ("sin + 1", 1, "function 'sin' needs its arguments in parentheses, e.g. sin(x)"),
    ("x + 1e999", 5, "number '1e999' is not finite (too large for float64)"),
    ("2 + 1e", 5, "malformed number '1e': exponent needs digits"),
    ("1.2.3", 4, "malformed number '1.2.'"),
    ("x y", 3, "expected an operator but found 'y'"),
    ("min(x y)", 7, "expected ')' but found 'y'"),
    ("x ^ ", 5, "expected an operand but found end of input"),
    ("é + 1", 1, "unexpected character 'é'"),
    ("x * 👍🏽 + 1", 5, "unexpected character '👍🏽'"),
    ("(x + 1) ? 2", 9, "unexpected character '?'"),
])
func errorsCarryMessageAndColumn(source: String, column: Int, message: String) {
    let e = error(source)
    #expect(e?.message == message)
    #expect(e?.column == column)
}

@Test func caretLinePointsAtColumn() {
    let e = ExpressionError(message: "unexpected character '#'", column: 5)
    #expect(e.caretLine(source: "x + #") == "x + #\n    ^")
}

@Test func lengthLimit() throws {
    let ok = String(repeating: "x+", count: 4_999) + "x"  // 9 999 characters
    #expect(ok.count == 9_999)
    let parsed = try parse(ok)
    #expect(parsed.variables == ["x"])
    let tooLong = String(repeating: "x+", count: 5_000) + "x"
    let e = error(tooLong)
    #expect(e?.column == 10_001)
    #expect(e?.message.hasPrefix("expression is too long") == true)
}

@Test func depthLimit() throws {
    let okParens = String(repeating: "(", count: 200) + "x" + String(repeating: ")", count: 200)
    #expect(try parse(okParens) == x)
    let deepParens = String(repeating: "(", count: 201) + "x" + String(repeating: ")", count: 201)
    #expect(error(deepParens)?.column == 201)
    #expect(error(deepParens)?.message == "expression is nested too deeply (more than 200 levels)")
    let deepUnary = String(repeating: "-", count: 5_000) + "x"
    #expect(error(deepUnary)?.column == 201)
    let deepPower = Array(repeating: "2", count: 300).joined(separator: "^")
    #expect(error(deepPower)?.column == 402)
    let deepCalls = String(repeating: "exp(", count: 300) + "x" + String(repeating: ")", count: 300)
    #expect(error(deepCalls)?.column == 804)
}

@Test(arguments: [
    "-x^2", "(-x)^2", "2^3^2", "(2^3)^2", "2^-y", "x - (y - 1)", "x - y - 1", "x / (y * 2)", "x / y * 2",
    "-(x + y)", "x * -y", "--x", "0.5 * (sigmoid(w * x + b) - y)^2", "min(x, max(y, 1e-3)) + abs(-x)",
    "exp(-(x^2 + y^2) / (2 * 0.8^2))", "1.2800000000000002 * pi - e", "x^(y^2)", "(x + y) * (x - y)",
    "sqrt(x)^-0.5", "-x - -y", "1e20 + x * 1.5e-7", "(-2)^x", "-2^x",
])
func descriptionRoundTrips(source: String) throws {
    let tree = try parse(source)
    let printed = tree.description
    #expect(try parse(printed) == tree, "\(source) printed as \(printed)")
}

@Test func descriptionUsesMinimalParentheses() throws {
    #expect(try parse("((x)) + ((y*2))").description == "x + y * 2")
    #expect(try parse("(x - (y - 1))").description == "x - (y - 1)")
    #expect(try parse("(-x)^2").description == "(-x)^2")
    #expect(try parse("-(x^2)").description == "-x^2")
    #expect(try parse("2^(-y)").description == "2^-y")
    #expect(try parse("min(x,(y))").description == "min(x, y)")
}
