/// How much of each racer's run a race keeps in memory: every step, or positions and losses at a stride.
///
/// Races of up to `fullRecordLimit` steps keep everything (positions, losses, gradients and
/// noise at every step). Longer races keep positions and losses at every `stride`-th step and
/// at the last step, plus the exact values the scoreboard needs; their full record goes only
/// to `trajectory.csv` as the race runs (`TrajectoryCSVStream`).
public struct TrajectoryRecording: Sendable, Equatable {
    /// Steps between kept points: 1 keeps every step.
    public let stride: Int

    /// The longest race (in steps per racer) recorded in full: 2¹⁷ = 131 072.
    public static let fullRecordLimit = 1 << 17

    /// Every step kept.
    public static let full = TrajectoryRecording(stride: 1)

    public init(stride: Int) {
        self.stride = max(1, stride)
    }

    /// The recording for a race of `steps` steps whose pictures draw every `every`-th step (and
    /// the last), or draw nothing (`every` nil).
    ///
    /// Up to `fullRecordLimit` steps: everything. Longer races with pictures: the finest stride
    /// dividing `every` that keeps at most `fullRecordLimit` points per racer, so every frame's
    /// step is kept. Longer races without pictures: the start and the last step only.
    public static func forRace(steps: Int, drawingEvery every: Int?) -> TrajectoryRecording {
        if steps <= fullRecordLimit { return .full }
        guard let every, every >= 1 else { return TrajectoryRecording(stride: steps) }
        var best = every
        var d = 1
        while d * d <= every {
            if every % d == 0 {
                for divisor in [d, every / d] where divisor < best && (steps + divisor - 1) / divisor <= fullRecordLimit {
                    best = divisor
                }
            }
            d += 1
        }
        return TrajectoryRecording(stride: best)
    }
}
