/// An infix operator of the expression language: `+ - * / ^`.
public enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"

    /// The operator's symbol as written in a formula.
    public var symbol: String { rawValue }

    /// Binding strength: 1 for `+ -`, 2 for `* /`, 4 for `^` (unary minus sits at 3).
    var precedence: Int {
        switch self {
        case .add, .subtract: return 1
        case .multiply, .divide: return 2
        case .power: return 4
        }
    }
}
