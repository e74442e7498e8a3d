/// Receives every step of one racer as it runs (for instance `trajectory.csv`'s rows).
protocol RacerStepSink {
    /// Step `t`: θₜ, f(θₜ), the noisy gradient gₜ and the noise ξₜ (both zero at step 0).
    mutating func record(_ t: Int, position: Vec2, loss: Double, gradient: Vec2, noise: Vec2)
    /// Whether the sink failed and the racer may as well stop.
    var failed: Bool { get }
}

/// A sink that drops every step.
struct DiscardingStepSink: RacerStepSink {
    @inline(__always) mutating func record(_ t: Int, position: Vec2, loss: Double, gradient: Vec2, noise: Vec2) {}
    var failed: Bool { false }
}
