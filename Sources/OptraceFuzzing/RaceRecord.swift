import OptraceCore

/// What a race recorded, racer by racer, in plain arrays that the fuzz properties check.
public struct RaceRecord: Sendable {
    /// One racer's record.
    public struct Entry: Sendable {
        public var name: String
        public var status: RacerStatus
        public var positions: [Vec2]
        public var losses: [Double]
        public var gradients: [Vec2]
        public var noise: [Vec2]
        /// Where the racer was to start.
        public var start: Vec2

        public init(
            name: String, status: RacerStatus, positions: [Vec2], losses: [Double], gradients: [Vec2], noise: [Vec2], start: Vec2
        ) {
            self.start = start
            self.name = name
            self.status = status
            self.positions = positions
            self.losses = losses
            self.gradients = gradients
            self.noise = noise
        }
    }

    /// The steps the race was asked to run.
    public var steps: Int
    public var start: Vec2
    public var entries: [Entry]

    public init(steps: Int, start: Vec2, entries: [Entry]) {
        self.steps = steps
        self.start = start
        self.entries = entries
    }

    /// The record of `result`.
    public init(_ result: RaceResult) {
        self.init(
            steps: result.setup.steps, start: result.setup.start,
            entries: result.trajectories.map { t in
                Entry(
                    name: t.racer.name, status: t.status, positions: t.positions, losses: t.losses, gradients: t.gradients,
                    noise: t.noise, start: t.racer.start(in: result.setup.start))
            })
    }
}
