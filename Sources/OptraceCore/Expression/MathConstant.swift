/// A named constant of the expression language (`pi`, `e`).
public enum MathConstant: String, Sendable, Equatable, CaseIterable {
    case pi, e

    /// The float64 value of the constant.
    public var value: Double {
        switch self {
        case .pi: return Double.pi
        case .e: return 2.718281828459045
        }
    }

    /// The name as written in a formula.
    public var name: String { rawValue }
}
