import Foundation

/// NAdam's scaling with torch's momentum schedule μₜ = β₁(1 − ½·0.96^(tψ)) (torch.optim.NAdam).
///
/// mₜ = β₁mₜ₋₁ + (1−β₁)gₜ, vₜ = β₂vₜ₋₁ + (1−β₂)gₜ²,
/// m̂ₜ = μₜ₊₁mₜ/(1 − ∏ᵢ₌₁ᵗ⁺¹μᵢ) + (1−μₜ)gₜ/(1 − ∏ᵢ₌₁ᵗμᵢ), v̂ₜ = vₜ/(1−β₂ᵗ); update m̂ₜ/(√v̂ₜ + ε).
public struct ScaleByNadam: AdamFamily {
    public let moments: AdamMoments
    /// ψ, torch's `momentum_decay`.
    public let momentumDecay: Double

    public init(beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, momentumDecay: Double = 4e-3) {
        moments = AdamMoments(beta1: beta1, beta2: beta2, eps: eps)
        self.momentumDecay = momentumDecay
    }

    /// The moments, the update count and the running product ∏μᵢ.
    public struct State: Sendable, Equatable {
        public var m: Vec2
        public var v: Vec2
        public var count: Int
        public var muProduct: Double
    }

    public func initialState(params: Vec2) -> State { State(m: .zero, v: .zero, count: 0, muProduct: 1) }

    /// μₜ = β₁(1 − ½·0.96^(tψ)).
    public func mu(_ t: Int) -> Double {
        beta1 * (1 - 0.5 * Foundation.pow(0.96, Double(t) * momentumDecay))
    }

    public func update(_ updates: Vec2, state: State, params: Vec2) -> (updates: Vec2, state: State) {
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
