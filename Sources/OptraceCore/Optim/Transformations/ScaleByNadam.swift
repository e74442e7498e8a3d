/// NAdam's scaling with torch's momentum schedule μₜ = β₁(1 − ½·0.96^(tψ)) (torch.optim.NAdam).
///
/// mₜ = β₁mₜ₋₁ + (1−β₁)gₜ, vₜ = β₂vₜ₋₁ + (1−β₂)gₜ²,
/// m̂ₜ = μₜ₊₁mₜ/(1 − ∏ᵢ₌₁ᵗ⁺¹μᵢ) + (1−μₜ)gₜ/(1 − ∏ᵢ₌₁ᵗμᵢ), v̂ₜ = vₜ/(1−β₂ᵗ); update m̂ₜ/(√v̂ₜ + ε).
public struct ScaleByNadam<Vector: ParameterVector>: AdamFamily {
    public let moments: AdamMoments<Vector.Scalar>
    /// ψ, torch's `momentum_decay`.
    public let momentumDecay: Vector.Scalar
    /// 0.96^(tψ) by update count.
    private let decayPowers: PowerLookup<Vector.Scalar>

    public init(moments: AdamMoments<Vector.Scalar>, momentumDecay: Vector.Scalar) {
        self.moments = moments
        self.momentumDecay = momentumDecay
        decayPowers = PowerLookup(0.96, scale: momentumDecay, table: moments.powers)
    }

    public init(beta1: Vector.Scalar, beta2: Vector.Scalar, eps: Vector.Scalar, momentumDecay: Vector.Scalar) {
        self.init(moments: AdamMoments(beta1: beta1, beta2: beta2, eps: eps), momentumDecay: momentumDecay)
    }

    /// The moments, the update count and the running product ∏μᵢ.
    public struct State: Sendable {
        public var m: Vector
        public var v: Vector
        public var count: Int
        public var muProduct: Vector.Scalar
    }

    public func initialState(params: Vector) -> State {
        let zero = params.zeros
        return State(m: zero, v: zero, count: 0, muProduct: Vector.Scalar(repeating: 1))
    }

    /// μₜ = β₁(1 − ½·0.96^(tψ)).
    @inline(__always)
    public func mu(_ t: Int) -> Vector.Scalar {
        beta1 * (1 - 0.5 * decayPowers.at(t))
    }

    @inline(__always)
    public func update(_ updates: Vector, state: State, params: Vector) -> (updates: Vector, state: State) {
        let t = state.count + 1
        let muT = mu(t)
        let muNext = mu(t + 1)
        let product = state.muProduct * muT
        let productNext = product * muNext
        let m = moments.first(state.m, updates)
        let v = moments.second(state.v, updates)
        let mHat = muNext * m / (1 - productNext) + (1 - muT) * updates / (1 - product)
        let vHat = v / moments.secondCorrection(t)
        return (mHat / (vHat.squareRoot() + eps), State(m: m, v: v, count: t, muProduct: product))
    }
}
