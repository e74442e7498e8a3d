/// Adadelta's step: vₜ = ρvₜ₋₁ + (1−ρ)gₜ², Δxₜ = √(uₜ₋₁ + ε)/√(vₜ + ε)·gₜ, uₜ = ρuₜ₋₁ + (1−ρ)Δxₜ² (torch.optim.Adadelta).
public struct ScaleByAdadelta<Vector: ParameterVector>: GradientTransformation {
    public let rho: Vector.Scalar
    public let eps: Vector.Scalar

    public init(rho: Vector.Scalar, eps: Vector.Scalar) {
        self.rho = rho
        self.eps = eps
    }

    /// The running means of squared gradients (v) and of squared steps (u).
    public struct State: Sendable {
        public var squareAverage: Vector
        public var deltaAverage: Vector
    }

    public func initialState(params: Vector) -> State {
        let zero = params.zeros
        return State(squareAverage: zero, deltaAverage: zero)
    }

    @inline(__always)
    public func update(_ updates: Vector, state: State, params: Vector) -> (updates: Vector, state: State) {
        let v = Vector.movingAverage(state.squareAverage, updates * updates, decay: rho)
        let delta = (state.deltaAverage + eps).squareRoot() / (v + eps).squareRoot() * updates
        let u = Vector.movingAverage(state.deltaAverage, delta * delta, decay: rho)
        return (delta, State(squareAverage: v, deltaAverage: u))
    }
}
