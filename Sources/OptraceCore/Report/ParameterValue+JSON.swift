extension ParameterValue {
    /// The value as JSON: a number, a list of two numbers, true/false, or text (a choice or a schedule).
    public var json: JSONValue {
        switch self {
        case .number(let v): return .number(v)
        case .pair(let a, let b): return .array([.number(a), .number(b)])
        case .flag(let b): return .bool(b)
        case .text(let s): return .string(s)
        }
    }
}
