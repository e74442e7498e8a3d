/// Everything that defines a sweep apart from its results: scenario, racer, axes, budget, objective and theory.
///
/// Shards of one sweep carry equal headers; `optrace tune merge` refuses shards whose headers differ.
public struct SweepHeader: Sendable, Equatable {
    public var scenario: String
    public var title: String
    public var racer: String
    public var optimizer: String
    /// The racer's optimizer hyperparameters (the swept ones at the racer's values).
    public var hyperparameters: HyperParameters
    /// The racer's learning-rate schedule as reports show it (`ScheduleSpec.description`), if it has one.
    public var schedule: String?
    /// The racer's gradient clipping, if any.
    public var clipping: GradientClipping?
    public var plan: SweepPlan
    public var steps: Int
    public var seeds: [UInt64]
    /// σ per axis and batch size of the scenario's noise; `noisy` false when the racer opts out of it.
    public var sigma: Vec2
    public var batch: Int
    public var noisy: Bool
    public var start: Vec2
    public var objective: SweepObjective
    /// The lowest known minimum value f* (0 when none is known).
    public var floor: Double
    /// The window is the range whose objective (above its ideal) is within this factor of the best.
    public var windowFactor: Double
    /// The quadratic's curvatures, when the surface is one.
    public var curvatures: (Double, Double)?

    public init(
        scenario: String, title: String, racer: String, optimizer: String, hyperparameters: HyperParameters,
        schedule: String? = nil, clipping: GradientClipping? = nil, plan: SweepPlan, steps: Int, seeds: [UInt64], sigma: Vec2, batch: Int, noisy: Bool, start: Vec2,
        objective: SweepObjective, floor: Double, windowFactor: Double, curvatures: (Double, Double)?
    ) {
        self.scenario = scenario
        self.title = title
        self.racer = racer
        self.optimizer = optimizer
        self.hyperparameters = hyperparameters
        self.schedule = schedule
        self.clipping = clipping
        self.plan = plan
        self.steps = steps
        self.seeds = seeds
        self.sigma = sigma
        self.batch = batch
        self.noisy = noisy
        self.start = start
        self.objective = objective
        self.floor = floor
        self.windowFactor = windowFactor
        self.curvatures = curvatures
    }

    /// The settings as tune.json and shard files record them (`Racer.settings`): the hyperparameters, then the
    /// schedule under `schedule` and the clipping threshold under its key.
    public var settings: HyperParameters {
        var all = hyperparameters
        if let schedule { all.set("schedule", .text(schedule)) }
        if let clipping { all.set(clipping.key, .number(clipping.threshold)) }
        return all
    }

    /// The theory on this sweep's axes, when the surface is a quadratic and the optimizer plain GD or heavy ball at
    /// a constant rate (no schedule, no clipping).
    public var theory: SweepTheory? {
        guard schedule == nil, clipping == nil, let (l1, l2) = curvatures, let definition = OptimizerCatalog.definition(named: optimizer),
            let target = try? TuneTarget(racer: Racer(name: racer, optimizerName: optimizer, hyperparameters: hyperparameters,
                optimizer: definition.build(hyperparameters)))
        else { return nil }
        return SweepTheory(quadratic: QuadraticTheory(lambda1: l1, lambda2: l2), target: target, plan: plan)
    }

    /// Whether any run receives noise.
    public var hasNoise: Bool { noisy && sigma != .zero }

    public static func == (a: SweepHeader, b: SweepHeader) -> Bool {
        a.scenario == b.scenario && a.title == b.title && a.racer == b.racer && a.optimizer == b.optimizer
            && a.hyperparameters == b.hyperparameters && a.schedule == b.schedule && a.clipping == b.clipping && a.plan == b.plan && a.steps == b.steps && a.seeds == b.seeds
            && a.sigma == b.sigma && a.batch == b.batch && a.noisy == b.noisy && a.start == b.start
            && a.objective == b.objective && a.floor == b.floor && a.windowFactor == b.windowFactor
            && a.curvatures?.0 == b.curvatures?.0 && a.curvatures?.1 == b.curvatures?.1
    }
}
