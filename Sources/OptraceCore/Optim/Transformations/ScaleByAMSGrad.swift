/// Adam's scaling with AMSGrad, torch's form: the largest raw second moment so far, then the bias correction.
///
/// mₜ = β₁mₜ₋₁ + (1−β₁)gₜ, vₜ = β₂vₜ₋₁ + (1−β₂)gₜ², vₜᵐᵃˣ = max(vₜ₋₁ᵐᵃˣ, vₜ);
/// update m̂ₜ/(√v̂ₜ + ε) with m̂ₜ = mₜ/(1−β₁ᵗ), v̂ₜ = vₜᵐᵃˣ/(1−β₂ᵗ) (torch.optim.Adam with
/// amsgrad=True; a transformation of its own, like optax's `scale_by_amsgrad`).
public struct ScaleByAMSGrad: MomentsOnly {
    public let moments: AdamMoments

    public init(moments: AdamMoments) { self.moments = moments }

    /// First and second moments, the largest second moment so far and the update count.
    public struct State: Sendable, Equatable {
        public var m: Vec2
        public var v: Vec2
        public var vMax: Vec2
        public var count: Int
    }

    public func initialState(params: Vec2) -> State { State(m: .zero, v: .zero, vMax: .zero, count: 0) }

    public func update(_ updates: Vec2, state: State, params: Vec2) -> (updates: Vec2, state: State) {
        let t = state.count + 1
        let m = moments.first(state.m, updates)
        let v = moments.second(state.v, updates)
        let vMax = Vec2(max(state.vMax.x, v.x), max(state.vMax.y, v.y))
        let mHat = m / moments.firstCorrection(t)
        let vHat = vMax / moments.secondCorrection(t)
        return (mHat / (vHat.squareRoot() + eps), State(m: m, v: v, vMax: vMax, count: t))
    }
}
