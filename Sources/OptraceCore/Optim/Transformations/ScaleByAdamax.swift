/// Adamax's scaling: mₜ = β₁mₜ₋₁ + (1−β₁)gₜ, uₜ = max(β₂uₜ₋₁, |gₜ| + ε), update mₜ/((1−β₁ᵗ)·uₜ) (torch.optim.Adamax).
public struct ScaleByAdamax: MomentsOnly {
    public let moments: AdamMoments

    public init(moments: AdamMoments) { self.moments = moments }

    /// The first moment, the exponentially weighted infinity norm and the update count.
    public struct State: Sendable, Equatable {
        public var m: Vec2
        public var u: Vec2
        public var count: Int
    }

    public func initialState(params: Vec2) -> State { State(m: .zero, u: .zero, count: 0) }

    public func update(_ updates: Vec2, state: State, params: Vec2) -> (updates: Vec2, state: State) {
        let t = state.count + 1
        let m = moments.first(state.m, updates)
        let decayed = beta2 * state.u
        let magnitude = Vec2(abs(updates.x), abs(updates.y)) + eps
        let u = Vec2(max(decayed.x, magnitude.x), max(decayed.y, magnitude.y))
        let correction = moments.firstCorrection(t)
        return (m / (correction * u), State(m: m, u: u, count: t))
    }
}
