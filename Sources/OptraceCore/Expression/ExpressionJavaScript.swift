extension Expression {
    /// The expression as a JavaScript expression of its variables (`Math.exp(x)`, `Math.pow(x, 2)`), for a page to
    /// evaluate where the pointer is. Numbers are written to round-trip; it computes with JavaScript's own `Math`, so
    /// its last bits may differ from the tape's.
    public var javaScript: String {
        switch self {
        case let .number(value):
            if value.isNaN { return "NaN" }
            if value.isInfinite { return value < 0 ? "(-Infinity)" : "Infinity" }
            return "(\(value.description))"
        case let .constant(constant):
            return constant == .pi ? "Math.PI" : "Math.E"
        case let .variable(name, _):
            return name
        case let .negate(operand):
            return "(-\(operand.javaScript))"
        case let .binary(op, lhs, rhs):
            switch op {
            case .power: return "Math.pow(\(lhs.javaScript), \(rhs.javaScript))"
            default: return "(\(lhs.javaScript) \(op.rawValue) \(rhs.javaScript))"
            }
        case let .call(function, arguments):
            let args = arguments.map(\.javaScript)
            switch function {
            case .sigmoid: return "(1 / (1 + Math.exp(-\(args[0]))))"
            default: return "Math.\(function.rawValue)(\(args.joined(separator: ", ")))"
            }
        }
    }
}
