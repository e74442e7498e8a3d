extension SweepHeader {
    /// The sweep of `racer` of `scenario` over `plan`: `seedCount` noise seeds from the scenario's (default 5 with
    /// noise, 1 without), `steps` per run (default the scenario's), the window within `windowFactor` of the best.
    /// Throws when `objective` is `distance` and the surface has no known minimum.
    public init(
        scenario: Scenario, racer: Racer, plan: SweepPlan, objective: SweepObjective, seedCount: Int? = nil, steps: Int? = nil,
        windowFactor: Double = 10
    ) throws(TuneError) {
        if objective == .distance && scenario.surface.minima.isEmpty {
            throw TuneError("the surface of '\(scenario.name)' has no known minimum; list them under surface.minima")
        }
        let noisy = racer.noisy && scenario.noise.sigma != .zero
        let count = seedCount ?? (noisy ? 5 : 1)
        let base = scenario.noise.seed
        let seedList = (0..<(noisy ? count : 1)).map { base &+ UInt64($0) }
        let quadratic = QuadraticTheory(surface: scenario.surface)
        self.init(
            scenario: scenario.name, title: scenario.title, racer: racer.name, optimizer: racer.optimizerName,
            hyperparameters: racer.hyperparameters, schedule: racer.schedule?.description, clipping: racer.clipping, plan: plan,
            steps: steps ?? scenario.steps, seeds: seedList, sigma: scenario.noise.sigma, batch: scenario.noise.batch,
            noisy: racer.noisy, start: racer.start(in: scenario.start), objective: objective,
            floor: scenario.surface.minima.map(\.value).min() ?? 0, windowFactor: windowFactor,
            curvatures: quadratic.map { ($0.lambda1, $0.lambda2) })
    }
}
