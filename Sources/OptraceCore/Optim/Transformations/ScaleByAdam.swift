/// Adam's per-coordinate scaling with PyTorch semantics: m̂ₜ / (√v̂ₜ + ε), both moments bias-corrected.
///
/// mₜ = β₁mₜ₋₁ + (1−β₁)gₜ, vₜ = β₂vₜ₋₁ + (1−β₂)gₜ², m̂ₜ = mₜ/(1−β₁ᵗ), v̂ₜ = vₜ/(1−β₂ᵗ);
/// ε is added after the square root, as torch.optim.Adam does. Without `biasCorrection`
/// the raw moments are used (the variant that shows why the correction exists).
public struct ScaleByAdam<Vector: ParameterVector>: AdamFamily {
    public let moments: AdamMoments<Vector.Scalar>
    public let biasCorrection: Bool

    public init(beta1: Vector.Scalar, beta2: Vector.Scalar, eps: Vector.Scalar, biasCorrection: Bool = true) {
        moments = AdamMoments(beta1: beta1, beta2: beta2, eps: eps)
        self.biasCorrection = biasCorrection
    }

    /// First and second moments and the update count.
    public struct State: Sendable {
        public var m: Vector
        public var v: Vector
        public var count: Int
    }

    public func initialState(params: Vector) -> State {
        let zero = params.filled(with: Vector.Scalar(repeating: 0))
        return State(m: zero, v: zero, count: 0)
    }

    @inline(__always)
    public func update(_ updates: Vector, state: State, params: Vector) -> (updates: Vector, state: State) {
        let t = state.count + 1
        let m = moments.first(state.m, updates)
        let v = moments.second(state.v, updates)
        var mHat = m
        var vHat = v
        if biasCorrection {
            mHat = m / moments.firstCorrection(t)
            vHat = v / moments.secondCorrection(t)
        }
        return (mHat / (vHat.squareRoot() + eps), State(m: m, v: v, count: t))
    }
}

extension ScaleByAdam where Vector.Scalar == Double {
    /// torch's defaults: β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸.
    public init(beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, biasCorrection: Bool = true) {
        moments = AdamMoments(beta1: beta1, beta2: beta2, eps: eps)
        self.biasCorrection = biasCorrection
    }
}
