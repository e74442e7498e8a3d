/// Everything one racer did: positions, losses, the noisy gradients and the noise, step by step.
///
/// Index t holds step t: `positions[0]` is the start; for t ≥ 1, `positions[t]` is θₜ,
/// `losses[t]` is f(θₜ) without noise, `gradients[t]` is gₜ = ∇f(θₜ₋₁) + ξₜ, the noisy
/// gradient update t used, and `noise[t]` is ξₜ (index 0 of both is unused and zero).
/// A diverged racer's arrays stop at the step of divergence.
public struct RacerTrajectory: Sendable {
    public let racer: Racer
    public internal(set) var positions: [Vec2]
    public internal(set) var losses: [Double]
    public internal(set) var gradients: [Vec2]
    public internal(set) var noise: [Vec2]
    public internal(set) var status: RacerStatus

    /// The last step recorded (the step count, or the step of divergence).
    public var lastStep: Int { positions.count - 1 }

    /// The last step t ≤ `step` whose position is recorded and finite.
    public func lastFiniteStep(atOrBefore step: Int) -> Int {
        var t = min(step, lastStep)
        while t > 0 && !(positions[t].x.isFinite && positions[t].y.isFinite && losses[t].isFinite) { t -= 1 }
        return t
    }

    /// The first step whose loss is below `threshold`, if any.
    public func firstStep(below threshold: Double) -> Int? {
        losses.firstIndex { $0 < threshold }
    }
}
