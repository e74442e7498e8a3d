/// A race as written in a scenario file: the surface, start, steps, noise, racers and checkpoints.
public struct Scenario: Sendable {
    /// A file-system-safe identifier; results go to `output/<name>/`.
    public var name: String
    public var title: String
    /// The story the scenario tells (optional prose).
    public var summary: String?
    /// Where the scenario came from (a path, or a built-in name).
    public var source: String
    public var surfaceTerms: [SurfaceTermSpec]
    public var surfaceExpression: String?
    public var surface: Surface
    public var start: Vec2
    public var steps: Int
    public var noise: GradientNoise
    public var racers: [Racer]
    /// Sorted, distinct steps in 1…steps.
    public var checkpoints: [Int]
    /// The loss level whose first crossing the scoreboard reports.
    public var threshold: Double

    /// The largest number of steps a scenario may ask for.
    public static let maximumSteps = 10_000_000
    /// The largest number of racers in one scenario.
    public static let maximumRacers = 16

    /// The race this scenario describes.
    public var raceSetup: RaceSetup {
        RaceSetup(
            start: start, steps: steps, noise: noise, racers: racers, checkpoints: checkpoints, threshold: threshold)
    }

    /// The scenario with another noise seed.
    public func with(seed: UInt64) -> Scenario {
        var copy = self
        copy.noise = GradientNoise(sigma: noise.sigma, batch: noise.batch, seed: seed)
        return copy
    }

    /// The scenario with another step count; checkpoints past it are dropped and the last step added.
    public func with(steps newSteps: Int) -> Scenario {
        var copy = self
        copy.steps = newSteps
        copy.checkpoints = Array(Set(checkpoints.filter { $0 <= newSteps } + [newSteps])).sorted()
        return copy
    }

    /// Runs the race.
    public func run(concurrent: Bool = true) -> RaceResult {
        let surface = self.surface
        return RaceRunner.run(
            raceSetup, domain: surface.domain, minima: surface.minima, makeEvaluator: { surface.makeEvaluator() },
            concurrent: concurrent)
    }
}
