/// RAdam's rectified scaling (torch.optim.RAdam): m̂ₜ·rₜ·lₜ when ρₜ > 5, else the un-adapted m̂ₜ.
///
/// ρ∞ = 2/(1−β₂) − 1, ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ), m̂ₜ = mₜ/(1−β₁ᵗ), lₜ = √(1−β₂ᵗ)/(√vₜ + ε),
/// rₜ = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ)).
public struct ScaleByRAdam<Vector: ParameterVector>: MomentsOnly {
    public let moments: AdamMoments<Vector.Scalar>

    public init(moments: AdamMoments<Vector.Scalar>) { self.moments = moments }

    public func initialState(params: Vector) -> MomentState<Vector> { MomentState(zeroLike: params) }

    /// ρₜ, the length of the approximated simple moving average at update t (1-based).
    @inline(__always)
    public func rho(_ t: Int) -> Vector.Scalar {
        let rhoInf = 2 / (1 - beta2) - 1
        let b2t = moments.beta2Powers.at(t)
        return rhoInf - 2 * Double(t) * b2t / (1 - b2t)
    }

    @inline(__always)
    public func update(_ updates: Vector, state: MomentState<Vector>, params: Vector) -> (updates: Vector, state: MomentState<Vector>) {
        let t = state.count + 1
        let m = moments.first(state.m, updates)
        let v = moments.second(state.v, updates)
        let mHat = m / moments.firstCorrection(t)
        let next = MomentState(m: m, v: v, count: t)
        let rhoT = rho(t)
        let rhoInf = 2 / (1 - beta2) - 1
        let l = moments.secondCorrection(t).squareRoot() / (v.squareRoot() + eps)
        let r = ((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)).squareRoot()
        // Lanes where ρₜ ≤ 5 take the un-adapted m̂ₜ (their r, a root of a negative number, is discarded).
        return (Vector.select(rhoT, greaterThan: Vector.Scalar(repeating: 5), mHat * r * l, mHat), next)
    }
}
