/// How one run of a sweep ended: where, at what loss, the loss summed over its steps, and any divergence.
public struct RunOutcome: Sendable, Equatable {
    /// θ at the last step (the step of divergence for a diverged run).
    public var finalPosition: Vec2
    /// f(θ) at that step, without noise.
    public var finalLoss: Double
    /// Σ f(θₜ) over t = 1 … last step, summed in step order.
    public var lossSum: Double
    /// The first step t ≥ 0 with f(θₜ) below the engine's threshold, if any.
    public var firstStepBelow: Int?
    /// The step at which the run diverged (0: at the start), or nil if it ran all its steps.
    public var divergedStep: Int?

    public init(finalPosition: Vec2, finalLoss: Double, lossSum: Double, firstStepBelow: Int?, divergedStep: Int?) {
        self.finalPosition = finalPosition
        self.finalLoss = finalLoss
        self.lossSum = lossSum
        self.firstStepBelow = firstStepBelow
        self.divergedStep = divergedStep
    }

    public var diverged: Bool { divergedStep != nil }

    /// Whether a run that did not diverge is unstable: it ended with a higher loss than `startLoss`, the loss
    /// where it started (as gradient descent does on a quadratic just past lr = 2/λ₂: finite, but growing).
    public func isUnstable(startLoss: Double) -> Bool {
        !diverged && finalLoss > startLoss
    }
}
