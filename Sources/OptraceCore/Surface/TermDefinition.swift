/// A built-in surface term: name, documentation, parameters, default plotting box, and how to build f and its minima.
public struct TermDefinition: Sendable {
    public var name: String
    public var summary: String
    /// Human-readable formula with the parameter names, e.g. "(a − x)² + b·(y − x²)²".
    public var formula: String
    public var parameters: [TermParameter]
    public var defaultDomain: Domain
    let build: @Sendable (TermArguments) -> Expression
    let knownMinima: @Sendable (TermArguments) -> [KnownMinimum]

    init(
        name: String, summary: String, formula: String, parameters: [TermParameter] = [], defaultDomain: Domain,
        build: @escaping @Sendable (TermArguments) -> Expression,
        minima: @escaping @Sendable (TermArguments) -> [KnownMinimum]
    ) {
        self.name = name
        self.summary = summary
        self.formula = formula
        self.parameters = parameters
        self.defaultDomain = defaultDomain
        self.build = build
        self.knownMinima = minima
    }

    /// The term as an expression over x and y; missing parameters take their defaults.
    public func expression(_ parameters: [String: [Double]] = [:]) -> Expression {
        build(TermArguments(parameters, parameters: self.parameters))
    }

    /// The term's published minima for these parameters (global ones first).
    public func minima(_ parameters: [String: [Double]] = [:]) -> [KnownMinimum] {
        knownMinima(TermArguments(parameters, parameters: self.parameters))
    }

    /// The parameter with this name, if the term has one.
    public func parameter(named name: String) -> TermParameter? {
        parameters.first { $0.name == name }
    }
}
