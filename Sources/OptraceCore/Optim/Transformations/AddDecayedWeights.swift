/// Adds λ·θ to the incoming updates: L2 weight decay into the gradient, or decoupled decay after a rule's step.
///
/// Placed first in a chain it is torch's `weight_decay` (g ← g + λθ); placed after a rule's
/// scaling and before the learning rate it is AdamW's and Lion's decoupled decay
/// (θ ← θ − η·(update + λθ)), exactly optax's `add_decayed_weights`.
public struct AddDecayedWeights: GradientTransformation {
    public let weightDecay: Double

    public init(_ weightDecay: Double) { self.weightDecay = weightDecay }

    public func initialState(params: Vec2) -> StepCount { StepCount() }

    public func update(_ updates: Vec2, state: StepCount, params: Vec2) -> (updates: Vec2, state: StepCount) {
        (updates + weightDecay * params, state)
    }
}
