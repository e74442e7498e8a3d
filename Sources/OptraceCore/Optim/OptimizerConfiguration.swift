/// One configuration of a catalog rule: its definition, resolved hyperparameters, learning-rate schedule and clipping.
///
/// The same configuration builds a racer's rule on the plane and, with seven others of the same shape, one lane
/// of a sweep's `UpdateRule<LaneVec2>`.
public struct OptimizerConfiguration: Sendable {
    public let definition: OptimizerDefinition
    public let hyperparameters: HyperParameters
    /// η as a schedule of the update count (the constant `lr`, or the racer's schedule with peak `lr`).
    public let learningRate: Schedule
    public let clipping: GradientClipping?

    public init(definition: OptimizerDefinition, hyperparameters: HyperParameters, learningRate: Schedule,
                clipping: GradientClipping?) {
        self.definition = definition
        self.hyperparameters = hyperparameters
        self.learningRate = learningRate
        self.clipping = clipping
    }

    /// The optimizer on the plane (its rule is built when first asked for).
    public var optimizer: Optimizer { Optimizer(configuration: self) }

    /// The rule whose lane i is `configurations[i]` (exactly `V.Scalar.laneCount` of them), or nil when they are
    /// not one shape: different definitions, clipping kinds, or hyperparameters that change the chain (a weight
    /// decay of 0 in some lanes only, momentum 0 beside momentum > 0, different flags).
    /// `powers`, a sweep's shared table of βᵗ, spares the lanes' bias corrections a `pow` a step (same values).
    public static func rule<V: ParameterVector>(for configurations: [OptimizerConfiguration], powers: PowerTable? = nil) -> UpdateRule<V>? {
        precondition(configurations.count == V.Scalar.laneCount, "one configuration per lane")
        let name = configurations[0].definition.name
        guard configurations.allSatisfy({ $0.definition.name == name }),
            let parameters = RuleParameters<V.Scalar>(configurations, powers: powers)
        else { return nil }
        return configurations[0].definition.recipe.rule(parameters)
    }
}
