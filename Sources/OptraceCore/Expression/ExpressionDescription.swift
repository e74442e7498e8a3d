extension Expression {
    /// A re-parsable formula with the fewest parentheses that keep the same tree.
    public var description: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Binding strength of the node's outermost operation: 1 `+ -`, 2 `* /`, 3 unary minus, 4 `^`, 5 atoms.
    var precedence: Int {
        switch self {
        case let .number(value):
            return value < 0 || (value.isInfinite) || value.isNaN ? 3 : 5
        case .constant, .variable, .call:
            return 5
        case .negate:
            return 3
        case let .binary(op, _, _):
            return op.precedence
        }
    }

    private func write(to out: inout String) {
        switch self {
        case let .number(value):
            out += Expression.format(value)
        case let .constant(constant):
            out += constant.name
        case let .variable(name, _):
            out += name
        case let .negate(operand):
            out += "-"
            operand.write(to: &out, parenthesized: operand.precedence < 3)
        case let .binary(op, lhs, rhs):
            switch op {
            case .power:
                lhs.write(to: &out, parenthesized: lhs.precedence <= 4)
                out += "^"
                rhs.write(to: &out, parenthesized: rhs.precedence < 3)
            default:
                lhs.write(to: &out, parenthesized: lhs.precedence < op.precedence)
                out += " \(op.symbol) "
                rhs.write(to: &out, parenthesized: rhs.precedence <= op.precedence)
            }
        case let .call(function, arguments):
            out += function.name
            out += "("
            for (i, argument) in arguments.enumerated() {
                if i > 0 { out += ", " }
                argument.write(to: &out)
            }
            out += ")"
        }
    }

    private func write(to out: inout String, parenthesized: Bool) {
        if parenthesized { out += "(" }
        write(to: &out)
        if parenthesized { out += ")" }
    }

    /// A number as the parser reads it: integers without a fraction, others in shortest round-trip form.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "(0 / 0)" }
        if value.isInfinite { return value > 0 ? "(1 / 0)" : "-(1 / 0)" }
        if value == value.rounded(), Swift.abs(value) < 1e15 {
            return String(Int64(value))
        }
        return value.description
    }
}
