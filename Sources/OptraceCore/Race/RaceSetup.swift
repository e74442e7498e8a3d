/// What a race needs beyond the surface: start, steps, noise, racers, checkpoints and the rules.
public struct RaceSetup: Sendable {
    public var start: Vec2
    public var steps: Int
    public var noise: GradientNoise
    public var racers: [Racer]
    /// Steps at which the scoreboard is reported (sorted, each in 1…steps).
    public var checkpoints: [Int]
    /// A loss level; the scoreboard reports the first step each racer gets below it.
    public var threshold: Double
    public var divergence: DivergenceRule

    public init(
        start: Vec2, steps: Int, noise: GradientNoise, racers: [Racer], checkpoints: [Int], threshold: Double,
        divergence: DivergenceRule = DivergenceRule()
    ) {
        self.start = start
        self.steps = steps
        self.noise = noise
        self.racers = racers
        self.checkpoints = checkpoints
        self.threshold = threshold
        self.divergence = divergence
    }
}
