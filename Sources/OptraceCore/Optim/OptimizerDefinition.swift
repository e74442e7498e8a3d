/// An update rule optrace knows by name: its parameters, defaults, formula and how to build it.
public struct OptimizerDefinition: Sendable {
    public let name: String
    public let summary: String
    /// The update rule, one line per equation, in the notation of the README.
    public let formula: [String]
    public let parameters: [OptimizerParameter]
    private let builder: @Sendable (HyperParameters) -> Optimizer

    public init(
        name: String, summary: String, formula: [String], parameters: [OptimizerParameter],
        build: @escaping @Sendable (HyperParameters) -> Optimizer
    ) {
        self.name = name
        self.summary = summary
        self.formula = formula
        self.parameters = parameters
        self.builder = build
    }

    /// The parameter called `name`, if this optimizer takes it.
    public func parameter(named name: String) -> OptimizerParameter? {
        parameters.first { $0.name == name }
    }

    /// Every parameter with its default, overridden by `given` (which must be validated already).
    public func resolve(_ given: [String: ParameterValue]) -> HyperParameters {
        HyperParameters(parameters.map { ($0.name, given[$0.name] ?? $0.defaultValue) })
    }

    /// The optimizer for fully resolved hyperparameters.
    public func build(_ hyperparameters: HyperParameters) -> Optimizer {
        builder(hyperparameters)
    }
}
