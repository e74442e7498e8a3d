/// The syntax tree of a formula f over named variables, as parsed from text or built from terms.
///
/// Equality compares structure and values only: the source column carried by `.variable` (for error
/// messages) is ignored.
public indirect enum Expression: Sendable, Equatable, CustomStringConvertible {
    /// A numeric literal.
    case number(Double)
    /// A named constant (`pi`, `e`).
    case constant(MathConstant)
    /// A free variable; `column` is its 1-based position in the source text when it was parsed.
    case variable(String, column: Int? = nil)
    /// Unary minus.
    case negate(Expression)
    /// An infix operation.
    case binary(BinaryOperator, Expression, Expression)
    /// A call of a built-in function.
    case call(MathFunction, [Expression])

    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        switch (lhs, rhs) {
        case let (.number(a), .number(b)):
            return a == b || (a.isNaN && b.isNaN)
        case let (.constant(a), .constant(b)):
            return a == b
        case let (.variable(a, _), .variable(b, _)):
            return a == b
        case let (.negate(a), .negate(b)):
            return a == b
        case let (.binary(opA, lA, rA), .binary(opB, lB, rB)):
            return opA == opB && lA == lB && rA == rB
        case let (.call(fA, argsA), .call(fB, argsB)):
            return fA == fB && argsA == argsB
        default:
            return false
        }
    }
}

extension Expression {
    /// Parses a formula such as `0.5*(x^2 + 10*y^2) - exp(-x)`.
    public init(parsing source: String) throws(ExpressionError) {
        var parser = try ExpressionParser(source: source)
        self = try parser.parseAll()
    }

    /// The free variables, in order of first appearance (left to right in the formula).
    public var variables: [String] {
        var seen: Set<String> = []
        var ordered: [String] = []
        collectVariables(into: &ordered, seen: &seen)
        return ordered
    }

    private func collectVariables(into ordered: inout [String], seen: inout Set<String>) {
        switch self {
        case .number, .constant:
            return
        case let .variable(name, _):
            if seen.insert(name).inserted { ordered.append(name) }
        case let .negate(operand):
            operand.collectVariables(into: &ordered, seen: &seen)
        case let .binary(_, lhs, rhs):
            lhs.collectVariables(into: &ordered, seen: &seen)
            rhs.collectVariables(into: &ordered, seen: &seen)
        case let .call(_, arguments):
            for argument in arguments { argument.collectVariables(into: &ordered, seen: &seen) }
        }
    }
}
