/// A built-in function of the expression language, with the number of arguments it takes.
public enum MathFunction: String, Sendable, Equatable, CaseIterable {
    case exp, log, sqrt, sin, cos, tan, tanh, sigmoid, abs, min, max

    /// How many arguments the function takes (1, or 2 for `min` and `max`).
    public var arity: Int {
        switch self {
        case .min, .max: return 2
        default: return 1
        }
    }

    /// The name as written in a formula.
    public var name: String { rawValue }
}
