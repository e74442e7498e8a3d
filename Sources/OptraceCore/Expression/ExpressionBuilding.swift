/// Operators for writing expression trees in Swift (used by the built-in terms).
extension Expression {
    static let x = Expression.variable("x")
    static let y = Expression.variable("y")

    /// A number that prints and re-parses as the same tree (negative values become a negated literal).
    static func num(_ value: Double) -> Expression {
        value < 0 ? .negate(.number(-value)) : .number(value)
    }

    /// `e - c` written with the sign folded: `x - 3`, `x + 2`, or just `x` when c is 0.
    static func shifted(_ e: Expression, by c: Double) -> Expression {
        if c == 0 { return e }
        return c > 0 ? .binary(.subtract, e, .number(c)) : .binary(.add, e, .number(-c))
    }

    static func + (l: Expression, r: Expression) -> Expression { .binary(.add, l, r) }
    static func - (l: Expression, r: Expression) -> Expression { .binary(.subtract, l, r) }
    static func * (l: Expression, r: Expression) -> Expression { .binary(.multiply, l, r) }
    static func / (l: Expression, r: Expression) -> Expression { .binary(.divide, l, r) }
    static prefix func - (e: Expression) -> Expression { .negate(e) }

    /// `e^n`.
    func pow(_ n: Expression) -> Expression { .binary(.power, self, n) }

    static func exp(_ e: Expression) -> Expression { .call(.exp, [e]) }
    static func sqrt(_ e: Expression) -> Expression { .call(.sqrt, [e]) }
    static func cos(_ e: Expression) -> Expression { .call(.cos, [e]) }
}
