/// An update rule optrace knows by name: its parameters, defaults, formula and how to build it.
///
/// A class: every configuration of a sweep holds its definition, and a reference is one retain to copy where the
/// definition's dozen strings, arrays and closures were a dozen.
public final class OptimizerDefinition: Sendable {
    public let name: String
    public let summary: String
    /// The update rule, one line per equation, in the notation of the README.
    public let formula: [String]
    public let parameters: [OptimizerParameter]
    private let checker: @Sendable (HyperParameters) -> ParameterConflict?
    /// How the rule's transformations are chained, for any parameter vector.
    public let recipe: any UpdateRuleRecipe
    /// The hyperparameters `tune --all-racers` sweeps for this rule (those the racer's rule uses; `lr` alone
    /// unless the definition names more).
    public let tunedParameters: [String]
    /// Which hyperparameters are η and the heavy-ball β of the quadratic theory, when the rule is a heavy ball
    /// at its plainest (nil: the theory does not describe it).
    public let theory: TheoryParameters?
    /// Each parameter's position in `parameters`, by name.
    private let parameterIndex: [String: Int]

    /// `recipe` chains the transformations from the resolved hyperparameters and the learning rate (the constant
    /// `lr`, or the racer's schedule whose peak is `lr`); `check` names a contradiction between hyperparameters.
    public init(
        name: String, summary: String, formula: [String], parameters: [OptimizerParameter],
        check: @escaping @Sendable (HyperParameters) -> ParameterConflict? = { _ in nil },
        tunedParameters: [String] = ["lr"], theory: TheoryParameters? = nil,
        recipe: any UpdateRuleRecipe
    ) {
        self.tunedParameters = tunedParameters
        self.theory = theory
        self.name = name
        self.summary = summary
        self.formula = formula
        self.parameters = parameters
        self.checker = check
        self.recipe = recipe
        var index: [String: Int] = [:]
        for (i, p) in parameters.enumerated() where index[p.name] == nil { index[p.name] = i }
        parameterIndex = index
    }

    /// The parameter called `name`, if this optimizer takes it.
    public func parameter(named name: String) -> OptimizerParameter? {
        parameterIndex[name].map { parameters[$0] }
    }

    /// The pair parameter that `name` is a component of (`beta1` → `betas`), with the index.
    public func pair(withComponent name: String) -> (parameter: OptimizerParameter, index: Int)? {
        for p in parameters {
            if let i = p.componentNames.firstIndex(of: name) { return (p, i) }
        }
        return nil
    }

    /// Every key a racer of this optimizer may give: the parameters and the pairs' component names.
    public var acceptedKeys: [String] {
        parameters.flatMap { [$0.name] + $0.componentNames }
    }

    /// Every parameter with its default, overridden by `given` (which must be validated already).
    /// A pair may be given whole or by its components (`beta1`, `beta2`); a missing component
    /// keeps its default. The result records the pair, and reads its components by name.
    public func resolve(_ given: [String: ParameterValue]) -> HyperParameters {
        var resolved = HyperParameters(parameters.map { p -> (String, ParameterValue) in
            if let value = given[p.name] { return (p.name, value) }
            let components = p.componentNames
            if !components.isEmpty, components.contains(where: { given[$0] != nil }),
                case .pair(let a, let b) = p.defaultValue
            {
                return (p.name, .pair(given[components[0]]?.number ?? a, given[components[1]]?.number ?? b))
            }
            return (p.name, p.defaultValue)
        })
        for p in parameters {
            for (i, component) in p.componentNames.enumerated() { resolved.addComponentName(component, of: p.name, index: i) }
        }
        return resolved
    }

    /// The contradiction between resolved `hyperparameters`, if any (for example `nesterov` without momentum).
    public func conflict(_ hyperparameters: HyperParameters) -> ParameterConflict? {
        checker(hyperparameters)
    }

    /// The optimizer for fully resolved hyperparameters, at the constant learning rate `lr`.
    public func build(_ hyperparameters: HyperParameters) -> Optimizer {
        build(hyperparameters, schedule: nil, clipping: nil)
    }

    /// The optimizer with the learning rate `learningRate` (a schedule of the update count) in place of the constant `lr`.
    public func build(_ hyperparameters: HyperParameters, learningRate: Schedule) -> Optimizer {
        configuration(hyperparameters, learningRate: learningRate, clipping: nil).optimizer
    }

    /// The optimizer of a racer: `schedule` (peak `lr`) for the learning rate if given, and
    /// `clipping` applied to the gradient before the rule's own transformations.
    public func build(_ hyperparameters: HyperParameters, schedule: ScheduleSpec?, clipping: GradientClipping?) -> Optimizer {
        let lr = hyperparameters.number("lr")
        return configuration(hyperparameters, learningRate: schedule?.schedule(peak: lr) ?? .constant(lr), clipping: clipping).optimizer
    }

    /// This rule with `hyperparameters`, η given by `learningRate` and `clipping`.
    public func configuration(_ hyperparameters: HyperParameters, learningRate: Schedule, clipping: GradientClipping?)
        -> OptimizerConfiguration
    {
        OptimizerConfiguration(definition: self, hyperparameters: hyperparameters, learningRate: learningRate, clipping: clipping)
    }
}
