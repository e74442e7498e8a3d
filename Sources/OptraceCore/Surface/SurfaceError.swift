/// Why a surface could not be built from a scenario's terms, expression and domain.
public enum SurfaceError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownTerm(name: String, suggestion: String?)
    case unknownParameter(term: String, name: String, valid: [String])
    case wrongArity(term: String, parameter: String, expected: Int, found: Int)
    /// A non-finite number, a non-positive width, an empty domain, …
    case invalidParameter(term: String, parameter: String, message: String)
    case expression(ExpressionError)
    case noTerms

    public var description: String {
        switch self {
        case let .unknownTerm(name, suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return "unknown surface term '\(name)'\(hint); built-in terms: "
                + TermCatalog.all.map(\.name).joined(separator: ", ")
        case let .unknownParameter(term, name, valid):
            let hint = Suggestion.closest(to: name, in: valid).map { " (did you mean '\($0)'?)" } ?? ""
            let list = valid.isEmpty ? "it takes no parameters" : "valid: " + valid.joined(separator: ", ")
            return "term '\(term)' has no parameter '\(name)'\(hint); \(list)"
        case let .wrongArity(term, parameter, expected, found):
            let what = expected == 1 ? "1 number" : "\(expected) numbers"
            return "parameter '\(parameter)' of term '\(term)' takes \(what), found \(found)"
        case let .invalidParameter(term, parameter, message):
            return "invalid parameter '\(parameter)' of '\(term)': \(message)"
        case let .expression(error):
            return "in expression: \(error)"
        case .noTerms:
            return "a surface needs at least one term or an expression"
        }
    }
}
