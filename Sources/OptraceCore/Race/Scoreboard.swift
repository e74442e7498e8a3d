/// The standings of a race at each checkpoint: loss, rank, status, distance to a minimum.
public struct Scoreboard: Sendable {
    /// One racer's line at one checkpoint.
    public struct Entry: Sendable {
        public let racer: String
        public let optimizer: String
        /// The position at the checkpoint (the last finite one for a diverged racer).
        public let position: Vec2
        /// f at the checkpoint; nil once diverged.
        public let loss: Double?
        /// 1 for the lowest loss; nil once diverged.
        public let rank: Int?
        /// "running", "finished" or "diverged at step k".
        public let status: String
        /// Distance to the nearest known minimum; nil when none is known or once diverged.
        public let distance: Double?
        /// The first step at or before the checkpoint with loss below the threshold.
        public let firstStepBelowThreshold: Int?
    }

    /// The standings at one step.
    public struct Checkpoint: Sendable {
        public let step: Int
        /// In racer order (ranks say who leads).
        public let entries: [Entry]
    }

    public let threshold: Double
    public let checkpoints: [Checkpoint]

    public init(result: RaceResult) {
        let setup = result.setup
        threshold = setup.threshold
        checkpoints = setup.checkpoints.map { step in
            Self.standings(at: step, result: result)
        }
    }

    /// The standings of `result` at `step`.
    public static func standings(at step: Int, result: RaceResult) -> Checkpoint {
        let setup = result.setup
        var losses: [Double?] = []
        var rows: [(Vec2, Double?, String, Int?)] = []
        for trajectory in result.trajectories {
            let label = trajectory.status.label(at: step, of: setup.steps)
            let diverged = trajectory.status.divergedAtStep.map { $0 <= step } ?? false
            let t = trajectory.lastFiniteStep(atOrBefore: step)
            let value = trajectory.value(at: t) ?? (trajectory.positions[0], trajectory.losses[0])
            let loss: Double? = diverged ? nil : value.loss
            let below = trajectory.firstStep(below: setup.threshold).flatMap { $0 <= step ? $0 : nil }
            losses.append(loss)
            rows.append((value.position, loss, label, below))
        }
        let ranks = Ranking.ranks(losses)
        let entries = result.trajectories.indices.map { i in
            let (position, loss, label, below) = rows[i]
            return Entry(
                racer: result.trajectories[i].racer.name, optimizer: result.trajectories[i].racer.optimizerName,
                position: position, loss: loss, rank: ranks[i], status: label,
                distance: loss == nil ? nil : result.distanceToNearestMinimum(position),
                firstStepBelowThreshold: below)
        }
        return Checkpoint(step: step, entries: entries)
    }
}
