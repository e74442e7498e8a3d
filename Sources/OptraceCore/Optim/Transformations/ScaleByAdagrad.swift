/// Adagrad's per-coordinate scaling: sₜ = sₜ₋₁ + gₜ², update gₜ/(√sₜ + ε) (torch.optim.Adagrad; lr and lr_decay come after).
public struct ScaleByAdagrad: GradientTransformation {
    public let initialAccumulatorValue: Double
    public let eps: Double

    public init(initialAccumulatorValue: Double = 0, eps: Double = 1e-10) {
        self.initialAccumulatorValue = initialAccumulatorValue
        self.eps = eps
    }

    /// The running sum of squared gradients (torch's `state_sum`).
    public struct State: Sendable, Equatable {
        public var sum: Vec2
    }

    public func initialState(params: Vec2) -> State {
        State(sum: Vec2(repeating: initialAccumulatorValue))
    }

    public func update(_ updates: Vec2, state: State, params: Vec2) -> (updates: Vec2, state: State) {
        let sum = state.sum + updates * updates
        return (updates / (sum.squareRoot() + eps), State(sum: sum))
    }
}
