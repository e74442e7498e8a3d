/// RMSprop's scaling: vₜ = αvₜ₋₁ + (1−α)gₜ², update gₜ/(√ṽₜ + ε), ṽ = v − ḡ² when centered (torch.optim.RMSprop).
///
/// Centered, ḡₜ = αḡₜ₋₁ + (1−α)gₜ is the running mean of the gradient. torch's momentum
/// buffer b ← μb + gₜ/(√ṽₜ + ε) is a `Trace(decay: μ)` after this transformation.
public struct ScaleByRMSProp: GradientTransformation {
    public let alpha: Double
    public let eps: Double
    public let centered: Bool

    public init(alpha: Double = 0.99, eps: Double = 1e-8, centered: Bool = false) {
        self.alpha = alpha
        self.eps = eps
        self.centered = centered
    }

    /// The running mean of squared gradients and, centered, of gradients.
    public struct State: Sendable, Equatable {
        public var squareAverage: Vec2
        public var gradientAverage: Vec2
    }

    public func initialState(params: Vec2) -> State { State(squareAverage: .zero, gradientAverage: .zero) }

    public func update(_ updates: Vec2, state: State, params: Vec2) -> (updates: Vec2, state: State) {
        let v = alpha * state.squareAverage + (1 - alpha) * (updates * updates)
        var mean = state.gradientAverage
        var scale = v
        if centered {
            mean = alpha * mean + (1 - alpha) * updates
            scale = v - mean * mean
        }
        return (updates / (scale.squareRoot() + eps), State(squareAverage: v, gradientAverage: mean))
    }
}
