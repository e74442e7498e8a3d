/// One contestant of a race: a display name and a configured update rule.
public struct Racer: Sendable {
    public let name: String
    /// The optimizer's catalog name (`sgd`, `momentum`, `adam`, …).
    public let optimizerName: String
    /// Every hyperparameter of the optimizer, defaults filled in, in the definition's order (the schedule and
    /// clipping are `schedule` and `clipping`, not entries here).
    public let hyperparameters: HyperParameters
    public let optimizer: Optimizer
    /// Whether the racer receives the race's gradient noise (true unless a scenario opts it out,
    /// to show the noiseless run beside the noisy ones).
    public let noisy: Bool
    /// The learning-rate schedule the optimizer was built with (peak `lr`), if any.
    public let schedule: ScheduleSpec?
    /// The gradient clipping the optimizer was built with, if any.
    public let clipping: GradientClipping?
    /// Where this racer starts, when not at the race's start (one optimizer raced from several starts).
    public let start: Vec2?
    /// The path colour the scenario chose, if any: a palette name (`blue`, `sky_blue`, …) or `#rrggbb`, lowercased.
    public let color: String?
    /// The dash pattern the scenario chose, if any: `solid`, `dashed`, `dotted` or `dashdot`.
    public let dash: String?

    public init(
        name: String, optimizerName: String, hyperparameters: HyperParameters, optimizer: Optimizer, noisy: Bool = true,
        schedule: ScheduleSpec? = nil, clipping: GradientClipping? = nil, start: Vec2? = nil, color: String? = nil,
        dash: String? = nil
    ) {
        self.name = name
        self.optimizerName = optimizerName
        self.hyperparameters = hyperparameters
        self.optimizer = optimizer
        self.noisy = noisy
        self.schedule = schedule
        self.clipping = clipping
        self.start = start
        self.color = color
        self.dash = dash
    }

    /// The chosen colour as a 24-bit `0xRRGGBB` value, if the scenario chose one.
    public var colorRGB: UInt32? { color.flatMap(RacerColorNames.rgb) }

    /// The racer's start in a race that starts at `raceStart`.
    public func start(in raceStart: Vec2) -> Vec2 { start ?? raceStart }

    /// A racer using catalog optimizer `definition` with `given` hyperparameters (validated by the caller).
    public init(name: String, definition: OptimizerDefinition, given: [String: ParameterValue] = [:], noisy: Bool = true) {
        let hp = definition.resolve(given)
        self.init(name: name, optimizerName: definition.name, hyperparameters: hp, optimizer: definition.build(hp), noisy: noisy)
    }

    /// What the racer was configured with, as reports show it: the hyperparameters, then the schedule (its
    /// description) and the clipping threshold under its key.
    public var settings: HyperParameters {
        var all = hyperparameters
        if let schedule { all.set("schedule", .text(schedule.description)) }
        if let clipping { all.set(clipping.key, .number(clipping.threshold)) }
        return all
    }

    /// "η=0.22 β=0.9": the settings with their symbols, for legends.
    public var hyperparameterLabel: String {
        let definition = OptimizerCatalog.definition(named: optimizerName)
        return settings.entries.map { entry in
            let symbol = definition?.parameter(named: entry.name)?.symbol ?? entry.name
            return "\(symbol)=\(entry.value)"
        }.joined(separator: " ")
    }
}
