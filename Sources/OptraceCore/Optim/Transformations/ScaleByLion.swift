/// Lion's sign update (Chen et al. 2023): update sign(β₁mₜ₋₁ + (1−β₁)gₜ), then mₜ = β₂mₜ₋₁ + (1−β₂)gₜ.
///
/// sign(0) = 0, as `torch.sign`. The decoupled weight decay and the learning rate follow in
/// the chain: θₜ = θₜ₋₁ − η·(update + λθₜ₋₁).
public struct ScaleByLion<Vector: ParameterVector>: GradientTransformation {
    public let beta1: Vector.Scalar
    public let beta2: Vector.Scalar

    public init(beta1: Vector.Scalar, beta2: Vector.Scalar) {
        self.beta1 = beta1
        self.beta2 = beta2
    }

    /// The momentum mₜ.
    public struct State: Sendable {
        public var m: Vector
    }

    public func initialState(params: Vector) -> State { State(m: params.zeros) }

    @inline(__always)
    public func update(_ updates: Vector, state: State, params: Vector) -> (updates: Vector, state: State) {
        let c = Vector.movingAverage(state.m, updates, decay: beta1)
        let m = Vector.movingAverage(state.m, updates, decay: beta2)
        return (c.signs, State(m: m))
    }
}
