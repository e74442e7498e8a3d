extension Expression {
    /// The formula as a reader writes it, for titles and pictures: `0.5(0.1x² + y²) + 1.5·exp(−(x − 3)²)`.
    ///
    /// Integer powers become superscripts, a coefficient 1 disappears, a number before a variable, a power
    /// of one or a parenthesised group is written against it, other products take a middle dot, minus is
    /// `−`, `pi` is `π` and `sqrt` is `√`. Not meant to be parsed back (`description` is).
    public var typeset: String {
        var out = ""
        typeset(into: &out)
        return out
    }

    private func typeset(into out: inout String) {
        switch self {
        case let .number(value):
            out += Self.typesetNumber(value)
        case let .constant(constant):
            out += constant == .pi ? "π" : constant.name
        case let .variable(name, _):
            out += name
        case let .negate(operand):
            out += "−"
            operand.typeset(into: &out, parenthesized: operand.precedence < 3)
        case let .binary(.power, base, exponent):
            base.typeset(into: &out, parenthesized: base.precedence <= 4)
            if let n = exponent.literal, let script = Self.superscript(n) {
                out += script
            } else {
                out += "^"
                exponent.typeset(into: &out, parenthesized: exponent.precedence < 5)
            }
        case let .binary(.multiply, lhs, rhs):
            typesetProduct(lhs, rhs, into: &out)
        case let .binary(.divide, lhs, rhs):
            lhs.typeset(into: &out, parenthesized: lhs.precedence < 2)
            out += "/"
            rhs.typeset(into: &out, parenthesized: rhs.precedence <= 2)
        case let .binary(op, lhs, rhs):
            lhs.typeset(into: &out, parenthesized: lhs.precedence < op.precedence)
            out += op == .add ? " + " : " − "
            rhs.typeset(into: &out, parenthesized: rhs.precedence <= op.precedence)
        case let .call(.sqrt, arguments):
            out += "√("
            arguments[0].typeset(into: &out)
            out += ")"
        case let .call(function, arguments):
            out += function.name
            out += "("
            for (i, argument) in arguments.enumerated() {
                if i > 0 { out += ", " }
                argument.typeset(into: &out)
            }
            out += ")"
        }
    }

    private func typesetProduct(_ lhs: Expression, _ rhs: Expression, into out: inout String) {
        let group = rhs.precedence <= 2
        if let c = lhs.literal {
            // A coefficient: ±1 vanishes, others are written against a symbol or a group (0.1x², 0.5(…), 2π).
            if c == 1 {
                rhs.typeset(into: &out, parenthesized: group)
                return
            }
            if c == -1 {
                out += "−"
                rhs.typeset(into: &out, parenthesized: rhs.precedence < 3)
                return
            }
            if group || rhs.isSymbolic {
                out += Self.typesetNumber(c)
                rhs.typeset(into: &out, parenthesized: group)
                return
            }
        } else if lhs.isMonomial && rhs.isSymbolic {
            // 2πx, xy, 3x²y.
            lhs.typeset(into: &out)
            rhs.typeset(into: &out)
            return
        }
        lhs.typeset(into: &out, parenthesized: lhs.precedence < 2)
        out += "·"
        rhs.typeset(into: &out, parenthesized: group)
    }

    private func typeset(into out: inout String, parenthesized: Bool) {
        if parenthesized { out += "(" }
        typeset(into: &out)
        if parenthesized { out += ")" }
    }

    /// A variable, a constant, or an integer power of one: what a coefficient can be written against.
    private var isSymbolic: Bool {
        switch self {
        case .variable, .constant: return true
        case let .binary(.power, base, exponent):
            return exponent.literal.flatMap(Self.superscript) != nil && base.isSymbolic
        default: return false
        }
    }

    /// The value of a number, or of a negated number as the parser reads `-2`.
    private var literal: Double? {
        switch self {
        case let .number(value): return value
        case let .negate(.number(value)): return -value
        default: return nil
        }
    }

    /// A symbol, or a product of a non-negative number and symbols, written without dots.
    private var isMonomial: Bool {
        if isSymbolic { return true }
        guard case let .binary(.multiply, lhs, rhs) = self, rhs.isSymbolic else { return false }
        if case let .number(c) = lhs { return c >= 0 && c != 1 }
        return lhs.isMonomial
    }

    private static func typesetNumber(_ value: Double) -> String {
        let text = format(value)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// `n` in superscript digits when it is a whole number from −99 to 99.
    static func superscript(_ n: Double) -> String? {
        guard n == n.rounded(), Swift.abs(n) < 100 else { return nil }
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let whole = Int(n)
        let script = String(String(Swift.abs(whole)).map { digits[Int(String($0))!] })
        return whole < 0 ? "⁻" + script : script
    }
}
