/// A race as written in a scenario file: names, the surface and the `RaceSetup` (start, steps, noise, racers, checkpoints).
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
    /// The race itself: start, steps, noise, racers, checkpoints, loss threshold and divergence rule.
    public var race: RaceSetup

    public var start: Vec2 { get { race.start } set { race.start = newValue } }
    public var steps: Int { get { race.steps } set { race.steps = newValue } }
    public var noise: GradientNoise { get { race.noise } set { race.noise = newValue } }
    public var racers: [Racer] { get { race.racers } set { race.racers = newValue } }
    /// Sorted, distinct steps in 1…steps.
    public var checkpoints: [Int] { get { race.checkpoints } set { race.checkpoints = newValue } }
    /// The loss level whose first crossing the scoreboard reports.
    public var threshold: Double { get { race.threshold } set { race.threshold = newValue } }

    /// The largest number of steps a scenario may ask for.
    public static let maximumSteps = 10_000_000
    /// The largest number of racers in one scenario.
    public static let maximumRacers = 16
    /// The largest number of known minima (`surface.minima`) in one scenario.
    public static let maximumMinima = 1000

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

    /// Runs the race, keeping every step in memory.
    public func run(concurrent: Bool = true) -> RaceResult {
        let surface = self.surface
        return RaceRunner.run(
            race, domain: surface.domain, minima: surface.minima, makeEvaluator: { surface.makeEvaluator() },
            concurrent: concurrent)
    }

    /// Runs the race, writing `trajectory.csv` to `csvPath` as it goes and keeping in memory only
    /// what `recording` asks for. Throws `Interrupted` when a stop was requested (no CSV is
    /// written then) and `OutputError` when the CSV cannot be written.
    public func run(streamingCSVTo csvPath: String, recording: TrajectoryRecording, concurrent: Bool = true) throws -> RaceResult {
        let surface = self.surface
        let csv = try TrajectoryCSVStream(path: csvPath, racers: racers)
        let result = RaceRunner.run(
            race, domain: surface.domain, minima: surface.minima, makeEvaluator: { surface.makeEvaluator() },
            concurrent: concurrent, recording: recording, csv: csv)
        if Interruption.isRequested {
            csv.abort()
            throw Interrupted(signal: Interruption.signal)
        }
        try csv.commit()
        return result
    }
}
