/// Adagrad's per-coordinate scaling: sₜ = sₜ₋₁ + gₜ², update gₜ/(√sₜ + ε) (torch.optim.Adagrad; lr and lr_decay come after).
public struct ScaleByAdagrad<Vector: ParameterVector>: GradientTransformation {
    public let initialAccumulatorValue: Vector.Scalar
    public let eps: Vector.Scalar

    public init(initialAccumulatorValue: Vector.Scalar, eps: Vector.Scalar) {
        self.initialAccumulatorValue = initialAccumulatorValue
        self.eps = eps
    }

    /// The running sum of squared gradients (torch's `state_sum`).
    public struct State: Sendable {
        public var sum: Vector
    }

    public func initialState(params: Vector) -> State {
        State(sum: params.filled(with: initialAccumulatorValue))
    }

    @inline(__always)
    public func update(_ updates: Vector, state: State, params: Vector) -> (updates: Vector, state: State) {
        let sum = state.sum + updates * updates
        return (updates / (sum.squareRoot() + eps), State(sum: sum))
    }
}
