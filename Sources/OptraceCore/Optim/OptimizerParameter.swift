/// One hyperparameter an optimizer takes: its name, meaning, default and accepted values.
public struct OptimizerParameter: Sendable {
    /// How the parameter is written.
    public enum Kind: Sendable, Equatable {
        case number(ParameterConstraint)
        /// Two numbers; `components` (such as `beta1`, `beta2`) may also be given one by one.
        case pair(ParameterConstraint, components: [String] = [])
        case flag
        /// One of the named words.
        case choice([String])
    }

    public let name: String
    /// The symbol used in legends and formulas (η, β, β₁, ε, …).
    public let symbol: String
    public let summary: String
    public let kind: Kind
    public let defaultValue: ParameterValue

    public init(_ name: String, symbol: String, kind: Kind, default defaultValue: ParameterValue, summary: String) {
        self.name = name
        self.symbol = symbol
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// The names of the pair's components that may be given separately (empty for other kinds).
    public var componentNames: [String] {
        if case .pair(_, let components) = kind { return components }
        return []
    }

    /// What the parameter accepts, for error messages.
    public var expectation: String {
        switch kind {
        case .number(let c): return c.expectation
        case .pair(let c, _): return "two numbers, each \(c.expectation)"
        case .flag: return "true or false"
        case .choice(let words): return "one of \(words.joined(separator: ", "))"
        }
    }

    /// `value` if it has this parameter's kind and satisfies its constraint, else what was expected.
    public func validate(_ value: ParameterValue) -> Result<ParameterValue, ParameterProblem> {
        switch (kind, value) {
        case (.number(let c), .number(let v)):
            return c.accepts(v) ? .success(value) : .failure(ParameterProblem(expected: c.expectation))
        case (.pair(let c, _), .pair(let a, let b)):
            return c.accepts(a) && c.accepts(b)
                ? .success(value) : .failure(ParameterProblem(expected: "two numbers, each \(c.expectation)"))
        case (.flag, .flag):
            return .success(value)
        case (.choice(let words), .text(let word)):
            return words.contains(word) ? .success(value) : .failure(ParameterProblem(expected: expectation))
        case (.number(let c), _):
            return .failure(ParameterProblem(expected: c.expectation))
        case (.pair(let c, _), _):
            return .failure(ParameterProblem(expected: "a list of two numbers, each \(c.expectation)"))
        case (.flag, _):
            return .failure(ParameterProblem(expected: "true or false"))
        case (.choice, _):
            return .failure(ParameterProblem(expected: expectation))
        }
    }
}

/// Why a hyperparameter value was refused: what was expected instead.
public struct ParameterProblem: Error, Sendable, Equatable {
    public let expected: String
}
