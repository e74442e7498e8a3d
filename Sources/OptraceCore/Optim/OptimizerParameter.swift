/// One hyperparameter an optimizer takes: its name, meaning, default and accepted values.
public struct OptimizerParameter: Sendable {
    /// How the parameter is written.
    public enum Kind: Sendable, Equatable {
        case number(ParameterConstraint)
        case pair(ParameterConstraint)
        case flag
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

    /// `value` if it has this parameter's kind and satisfies its constraint, else what was expected.
    public func validate(_ value: ParameterValue) -> Result<ParameterValue, ParameterProblem> {
        switch (kind, value) {
        case (.number(let c), .number(let v)):
            return c.accepts(v) ? .success(value) : .failure(ParameterProblem(expected: c.expectation))
        case (.pair(let c), .pair(let a, let b)):
            return c.accepts(a) && c.accepts(b)
                ? .success(value) : .failure(ParameterProblem(expected: "two numbers, each \(c.expectation)"))
        case (.flag, .flag):
            return .success(value)
        case (.number(let c), _):
            return .failure(ParameterProblem(expected: c.expectation))
        case (.pair(let c), _):
            return .failure(ParameterProblem(expected: "a list of two numbers, each \(c.expectation)"))
        case (.flag, _):
            return .failure(ParameterProblem(expected: "true or false"))
        }
    }
}

/// Why a hyperparameter value was refused: what was expected instead.
public struct ParameterProblem: Error, Sendable, Equatable {
    public let expected: String
}
