/// Adadelta's step: vₜ = ρvₜ₋₁ + (1−ρ)gₜ², Δxₜ = √(uₜ₋₁ + ε)/√(vₜ + ε)·gₜ, uₜ = ρuₜ₋₁ + (1−ρ)Δxₜ² (torch.optim.Adadelta).
public struct ScaleByAdadelta: GradientTransformation {
    public let rho: Double
    public let eps: Double

    public init(rho: Double = 0.9, eps: Double = 1e-6) {
        self.rho = rho
        self.eps = eps
    }

    /// The running means of squared gradients (v) and of squared steps (u).
    public struct State: Sendable, Equatable {
        public var squareAverage: Vec2
        public var deltaAverage: Vec2
    }

    public func initialState(params: Vec2) -> State { State(squareAverage: .zero, deltaAverage: .zero) }

    public func update(_ updates: Vec2, state: State, params: Vec2) -> (updates: Vec2, state: State) {
        let v = rho * state.squareAverage + (1 - rho) * (updates * updates)
        let delta = (state.deltaAverage + eps).squareRoot() / (v + eps).squareRoot() * updates
        let u = rho * state.deltaAverage + (1 - rho) * (delta * delta)
        return (delta, State(squareAverage: v, deltaAverage: u))
    }
}
