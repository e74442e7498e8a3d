import Foundation

/// RAdam's rectified scaling (torch.optim.RAdam): m̂ₜ·rₜ·lₜ when ρₜ > 5, else the un-adapted m̂ₜ.
///
/// ρ∞ = 2/(1−β₂) − 1, ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ), m̂ₜ = mₜ/(1−β₁ᵗ), lₜ = √(1−β₂ᵗ)/(√vₜ + ε),
/// rₜ = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ)).
public struct ScaleByRAdam: MomentsOnly {
    public let moments: AdamMoments

    public init(moments: AdamMoments) { self.moments = moments }

    /// First and second moments and the update count.
    public struct State: Sendable, Equatable {
        public var m: Vec2
        public var v: Vec2
        public var count: Int
    }

    public func initialState(params: Vec2) -> State { State(m: .zero, v: .zero, count: 0) }

    /// ρₜ, the length of the approximated simple moving average at update t (1-based).
    public func rho(_ t: Int) -> Double {
        let rhoInf = 2 / (1 - beta2) - 1
        let b2t = Foundation.pow(beta2, Double(t))
        return rhoInf - 2 * Double(t) * b2t / (1 - b2t)
    }

    public func update(_ updates: Vec2, state: State, params: Vec2) -> (updates: Vec2, state: State) {
        let t = state.count + 1
        let m = moments.first(state.m, updates)
        let v = moments.second(state.v, updates)
        let mHat = m / moments.firstCorrection(t)
        let next = State(m: m, v: v, count: t)
        let rhoT = rho(t)
        guard rhoT > 5 else { return (mHat, next) }
        let rhoInf = 2 / (1 - beta2) - 1
        let l = moments.secondCorrection(t).squareRoot() / (v.squareRoot() + eps)
        let r = ((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)).squareRoot()
        return (mHat * r * l, next)
    }
}
