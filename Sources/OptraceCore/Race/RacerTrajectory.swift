/// Everything one racer did: positions and losses step by step (or at a stride), the noisy gradients and the noise.
///
/// A full record (`stride` 1) holds every step: index t is step t. `positions[0]` is the start;
/// for t ≥ 1, `positions[t]` is θₜ, `losses[t]` is f(θₜ) without noise, `gradients[t]` is
/// gₜ = ∇f(θₜ₋₁) + ξₜ, the noisy gradient update t used, and `noise[t]` is ξₜ (index 0 of both
/// is unused and zero). A diverged racer's arrays stop at the step of divergence.
///
/// A strided record (`stride` s > 1, for long races whose every step went to `trajectory.csv`
/// as it ran) keeps positions and losses only at the steps 0, s, 2s, … and at the last step
/// (`step(ofIndex:)` says which), and no gradients or noise. It still answers exactly for the
/// steps the scoreboard reads: the checkpoints, the last two steps and the first step below the
/// race's threshold. A path drawn from it passes through the kept points only.
public struct RacerTrajectory: Sendable {
    public let racer: Racer
    /// Kept positions: index i is step `step(ofIndex: i)` (step i in a full record).
    public internal(set) var positions: [Vec2]
    /// Kept losses, indexed like `positions`.
    public internal(set) var losses: [Double]
    /// Every noisy gradient (full record only; empty when strided).
    public internal(set) var gradients: [Vec2]
    /// Every ξₜ (full record only; empty when strided).
    public internal(set) var noise: [Vec2]
    public internal(set) var status: RacerStatus
    /// Steps between kept points: 1 for a full record.
    public let stride: Int
    /// The last step run (the step count, or the step of divergence).
    public let lastStep: Int
    /// Exact values at steps a strided record does not keep but the scoreboard reads.
    let exact: [Int: StepValue]
    /// The first step below `crossing.threshold`, found while the racer ran (strided records).
    let crossing: (threshold: Double, step: Int?)?

    /// A position and the loss there.
    struct StepValue: Sendable {
        let position: Vec2
        let loss: Double
    }

    /// A full record.
    init(racer: Racer, positions: [Vec2], losses: [Double], gradients: [Vec2], noise: [Vec2], status: RacerStatus) {
        self.init(
            racer: racer, positions: positions, losses: losses, gradients: gradients, noise: noise, status: status,
            stride: 1, lastStep: positions.count - 1, exact: [:], crossing: nil)
    }

    init(
        racer: Racer, positions: [Vec2], losses: [Double], gradients: [Vec2], noise: [Vec2], status: RacerStatus,
        stride: Int, lastStep: Int, exact: [Int: StepValue], crossing: (threshold: Double, step: Int?)?
    ) {
        self.racer = racer
        self.positions = positions
        self.losses = losses
        self.gradients = gradients
        self.noise = noise
        self.status = status
        self.stride = stride
        self.lastStep = lastStep
        self.exact = exact
        self.crossing = crossing
    }

    /// Whether every step is kept.
    public var isFull: Bool { stride == 1 }

    /// The step of kept point `index`.
    public func step(ofIndex index: Int) -> Int {
        index >= positions.count - 1 ? lastStep : index * stride
    }

    /// The index of the last kept point at or before `step`.
    public func index(atOrBefore step: Int) -> Int {
        if step >= lastStep { return positions.count - 1 }
        return max(0, step) / stride
    }

    /// The position and loss at `step`, when the record holds that step exactly.
    public func value(at step: Int) -> (position: Vec2, loss: Double)? {
        guard step >= 0, step <= lastStep else { return nil }
        if step == lastStep || step % stride == 0 {
            let i = index(atOrBefore: step)
            return (positions[i], losses[i])
        }
        return exact[step].map { ($0.position, $0.loss) }
    }

    /// The last step t ≤ `step` whose position is recorded and finite.
    public func lastFiniteStep(atOrBefore step: Int) -> Int {
        var t = min(step, lastStep)
        while t > 0 {
            if let v = value(at: t), v.position.x.isFinite && v.position.y.isFinite && v.loss.isFinite { return t }
            t -= 1
        }
        return t
    }

    /// The first step whose loss is below `threshold`, if any (exact for a full record and, in a
    /// strided one, for the race's threshold; among the kept steps for another threshold).
    public func firstStep(below threshold: Double) -> Int? {
        if !isFull, let crossing, crossing.threshold == threshold { return crossing.step }
        return losses.firstIndex { $0 < threshold }.map { step(ofIndex: $0) }
    }
}
