/// Adam's scaling with AMSGrad, torch's form: the largest raw second moment so far, then the bias correction.
///
/// mₜ = β₁mₜ₋₁ + (1−β₁)gₜ, vₜ = β₂vₜ₋₁ + (1−β₂)gₜ², vₜᵐᵃˣ = max(vₜ₋₁ᵐᵃˣ, vₜ);
/// update m̂ₜ/(√v̂ₜ + ε) with m̂ₜ = mₜ/(1−β₁ᵗ), v̂ₜ = vₜᵐᵃˣ/(1−β₂ᵗ) (torch.optim.Adam with
/// amsgrad=True; a transformation of its own, like optax's `scale_by_amsgrad`).
public struct ScaleByAMSGrad<Vector: ParameterVector>: MomentsOnly {
    public let moments: AdamMoments<Vector.Scalar>

    public init(moments: AdamMoments<Vector.Scalar>) { self.moments = moments }

    /// First and second moments, the largest second moment so far and the update count.
    public struct State: Sendable {
        public var m: Vector
        public var v: Vector
        public var vMax: Vector
        public var count: Int
    }

    public func initialState(params: Vector) -> State {
        let zero = params.zeros
        return State(m: zero, v: zero, vMax: zero, count: 0)
    }

    @inline(__always)
    public func update(_ updates: Vector, state: State, params: Vector) -> (updates: Vector, state: State) {
        let t = state.count + 1
        let m = moments.first(state.m, updates)
        let v = moments.second(state.v, updates)
        let vMax = Vector.maximum(state.vMax, v)
        let mHat = m / moments.firstCorrection(t)
        let vHat = vMax / moments.secondCorrection(t)
        return (mHat / (vHat.squareRoot() + eps), State(m: m, v: v, vMax: vMax, count: t))
    }
}
