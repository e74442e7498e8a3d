/// The outcome of a race: every racer's trajectory over the same surface and noise.
public struct RaceResult: Sendable {
    public let setup: RaceSetup
    public let domain: Domain
    public let minima: [KnownMinimum]
    public let trajectories: [RacerTrajectory]

    /// The standings at every checkpoint.
    public var scoreboard: Scoreboard { Scoreboard(result: self) }

    /// Distance from `p` to the nearest known minimum (nil when none is known or p is not finite).
    public func distanceToNearestMinimum(_ p: Vec2) -> Double? {
        guard p.x.isFinite, p.y.isFinite else { return nil }
        return minima.map { (($0.point - p) * ($0.point - p)).sum().squareRoot() }.min()
    }
}
