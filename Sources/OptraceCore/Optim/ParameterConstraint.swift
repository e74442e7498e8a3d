/// The values a numeric hyperparameter accepts; every constraint also rules out NaN and ±∞.
public enum ParameterConstraint: Sendable, Equatable {
    /// v > 0.
    case positive
    /// v ≥ 0.
    case nonNegative
    /// 0 ≤ v < 1 (decay rates such as β).
    case unitInterval
    /// 0 ≤ v ≤ 1.
    case closedUnitInterval

    /// Whether `v` is accepted.
    public func accepts(_ v: Double) -> Bool {
        guard v.isFinite else { return false }
        switch self {
        case .positive: return v > 0
        case .nonNegative: return v >= 0
        case .unitInterval: return v >= 0 && v < 1
        case .closedUnitInterval: return v >= 0 && v <= 1
        }
    }

    /// What is expected, for error messages.
    public var expectation: String {
        switch self {
        case .positive: return "a finite number > 0"
        case .nonNegative: return "a finite number ≥ 0"
        case .unitInterval: return "a number in [0, 1)"
        case .closedUnitInterval: return "a number in [0, 1]"
        }
    }
}
