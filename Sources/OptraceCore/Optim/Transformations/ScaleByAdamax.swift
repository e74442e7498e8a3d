/// Adamax's scaling: mₜ = β₁mₜ₋₁ + (1−β₁)gₜ, uₜ = max(β₂uₜ₋₁, |gₜ| + ε), update mₜ/((1−β₁ᵗ)·uₜ) (torch.optim.Adamax).
public struct ScaleByAdamax<Vector: ParameterVector>: MomentsOnly {
    public let moments: AdamMoments<Vector.Scalar>

    public init(moments: AdamMoments<Vector.Scalar>) { self.moments = moments }

    /// The first moment, the exponentially weighted infinity norm and the update count.
    public struct State: Sendable {
        public var m: Vector
        public var u: Vector
        public var count: Int
    }

    public func initialState(params: Vector) -> State {
        let zero = params.zeros
        return State(m: zero, u: zero, count: 0)
    }

    @inline(__always)
    public func update(_ updates: Vector, state: State, params: Vector) -> (updates: Vector, state: State) {
        let t = state.count + 1
        let m = moments.first(state.m, updates)
        let decayed = beta2 * state.u
        let magnitude = updates.magnitudes + eps
        let u = Vector.maximum(decayed, magnitude)
        let correction = moments.firstCorrection(t)
        return (m / (correction * u), State(m: m, u: u, count: t))
    }
}
