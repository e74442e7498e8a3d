/// RMSprop's scaling: vₜ = αvₜ₋₁ + (1−α)gₜ², update gₜ/(√ṽₜ + ε), ṽ = v − ḡ² when centered (torch.optim.RMSprop).
///
/// Centered, ḡₜ = αḡₜ₋₁ + (1−α)gₜ is the running mean of the gradient. torch's momentum
/// buffer b ← μb + gₜ/(√ṽₜ + ε) is a `Trace(decay: μ)` after this transformation.
public struct ScaleByRMSProp<Vector: ParameterVector>: GradientTransformation {
    public let alpha: Vector.Scalar
    public let eps: Vector.Scalar
    public let centered: Bool

    public init(alpha: Vector.Scalar, eps: Vector.Scalar, centered: Bool = false) {
        self.alpha = alpha
        self.eps = eps
        self.centered = centered
    }

    /// The running mean of squared gradients and, centered, of gradients.
    public struct State: Sendable {
        public var squareAverage: Vector
        public var gradientAverage: Vector
    }

    public func initialState(params: Vector) -> State {
        let zero = params.zeros
        return State(squareAverage: zero, gradientAverage: zero)
    }

    @inline(__always)
    public func update(_ updates: Vector, state: State, params: Vector) -> (updates: Vector, state: State) {
        let v = Vector.movingAverage(state.squareAverage, updates * updates, decay: alpha)
        var mean = state.gradientAverage
        var scale = v
        if centered {
            mean = Vector.movingAverage(mean, updates, decay: alpha)
            scale = v - mean * mean
        }
        return (updates / (scale.squareRoot() + eps), State(squareAverage: v, gradientAverage: mean))
    }
}
