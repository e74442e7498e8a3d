/// A hyperparameter value as written in a scenario: a number, a pair of numbers, a flag or a word.
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case pair(Double, Double)
    case flag(Bool)
    /// One of a parameter's named choices (`convention: classic`), or a schedule's description.
    case text(String)

    public var number: Double? {
        if case .number(let v) = self { return v }
        return nil
    }

    public var description: String {
        switch self {
        case .number(let v): return NumberFormat.short(v)
        case .pair(let a, let b): return "[\(NumberFormat.short(a)), \(NumberFormat.short(b))]"
        case .flag(let b): return b ? "true" : "false"
        case .text(let s): return s
        }
    }
}
