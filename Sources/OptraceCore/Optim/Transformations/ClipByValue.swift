/// Clips every gradient component to [−c, c] (torch `clip_grad_value_`, optax `clip`).
public struct ClipByValue: GradientTransformation {
    public let maxValue: Double

    public init(_ maxValue: Double) { self.maxValue = maxValue }

    public func initialState(params: Vec2) -> StepCount { StepCount() }

    public func update(_ updates: Vec2, state: StepCount, params: Vec2) -> (updates: Vec2, state: StepCount) {
        (Vec2(Self.clamp(updates.x, maxValue), Self.clamp(updates.y, maxValue)), state)
    }

    /// v clamped to [−c, c]; NaN stays NaN (torch's `clamp_` keeps it), so divergence is still seen.
    static func clamp(_ v: Double, _ c: Double) -> Double {
        v > c ? c : (v < -c ? -c : v)
    }
}
