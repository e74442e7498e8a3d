/// Adds λ·θ to the incoming updates: L2 weight decay into the gradient, or decoupled decay after a rule's step.
///
/// Placed first in a chain it is torch's `weight_decay` (g ← g + λθ); placed after a rule's
/// scaling and before the learning rate it is AdamW's and Lion's decoupled decay
/// (θ ← θ − η·(update + λθ)), exactly optax's `add_decayed_weights`.
public struct AddDecayedWeights<Vector: ParameterVector>: StatelessTransformation {
    public let weightDecay: Vector.Scalar

    public init(_ weightDecay: Vector.Scalar) { self.weightDecay = weightDecay }

    @inline(__always)
    public func apply(_ updates: Vector, params: Vector) -> Vector { updates + weightDecay * params }
}
