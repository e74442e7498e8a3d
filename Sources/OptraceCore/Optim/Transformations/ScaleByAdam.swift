import Foundation

/// Adam's per-coordinate scaling with PyTorch semantics: m̂ₜ / (√v̂ₜ + ε), both moments bias-corrected.
///
/// mₜ = β₁mₜ₋₁ + (1−β₁)gₜ, vₜ = β₂vₜ₋₁ + (1−β₂)gₜ², m̂ₜ = mₜ/(1−β₁ᵗ), v̂ₜ = vₜ/(1−β₂ᵗ);
/// ε is added after the square root, as torch.optim.Adam does. Without `biasCorrection`
/// the raw moments are used (the variant that shows why the correction exists).
public struct ScaleByAdam: GradientTransformation {
    public let beta1: Double
    public let beta2: Double
    public let eps: Double
    public let biasCorrection: Bool

    public init(beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, biasCorrection: Bool = true) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.biasCorrection = biasCorrection
    }

    /// First and second moments and the update count.
    public struct State: Sendable, Equatable {
        public var m: Vec2
        public var v: Vec2
        public var count: Int
    }

    public func initialState(params: Vec2) -> State { State(m: .zero, v: .zero, count: 0) }

    public func update(_ updates: Vec2, state: State, params: Vec2) -> (updates: Vec2, state: State) {
        let t = state.count + 1
        let m = beta1 * state.m + (1 - beta1) * updates
        let v = beta2 * state.v + (1 - beta2) * (updates * updates)
        var mHat = m
        var vHat = v
        if biasCorrection {
            mHat = m / (1 - Self.power(beta1, t))
            vHat = v / (1 - Self.power(beta2, t))
        }
        return (mHat / (vHat.squareRoot() + eps), State(m: m, v: v, count: t))
    }

    /// βᵗ; exact for small t like torch's `beta ** step`.
    static func power(_ beta: Double, _ t: Int) -> Double {
        Foundation.pow(beta, Double(t))
    }
}
