import Foundation

/// The moment estimates the Adam family shares: β₁, β₂, ε, the two exponential moving averages and their bias
/// corrections, written once for `ScaleByAdam`, `ScaleByAMSGrad`, `ScaleByAdamax`, `ScaleByNadam` and `ScaleByRAdam`.
public struct AdamMoments<Scalar: ParameterScalar>: Sendable {
    public let beta1: Scalar
    public let beta2: Scalar
    public let eps: Scalar
    /// β₁ᵗ and β₂ᵗ by update count (from a sweep's `PowerTable` when there is one).
    public let beta1Powers: PowerLookup<Scalar>
    public let beta2Powers: PowerLookup<Scalar>
    /// The table the powers come from, for a transformation's own powers (NAdam's 0.96^(tψ)).
    public let powers: PowerTable?

    /// The moments of β₁, β₂ and ε; their powers come from `powers` when given (a sweep's shared table), else `pow`.
    public init(beta1: Scalar, beta2: Scalar, eps: Scalar, powers: PowerTable? = nil) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        beta1Powers = PowerLookup(beta1, table: powers)
        beta2Powers = PowerLookup(beta2, table: powers)
        self.powers = powers
    }

    /// mₜ = β₁mₜ₋₁ + (1−β₁)gₜ.
    @inline(__always)
    public func first<V: ParameterVector>(_ m: V, _ g: V) -> V where V.Scalar == Scalar { V.movingAverage(m, g, decay: beta1) }

    /// vₜ = β₂vₜ₋₁ + (1−β₂)gₜ².
    @inline(__always)
    public func second<V: ParameterVector>(_ v: V, _ g: V) -> V where V.Scalar == Scalar {
        V.movingAverage(v, g * g, decay: beta2)
    }

    /// 1 − β₁ᵗ, the first moment's bias correction at update t (1-based).
    @inline(__always)
    public func firstCorrection(_ t: Int) -> Scalar { 1 - beta1Powers.at(t) }

    /// 1 − β₂ᵗ, the second moment's bias correction at update t (1-based).
    @inline(__always)
    public func secondCorrection(_ t: Int) -> Scalar { 1 - beta2Powers.at(t) }
}

/// A transformation of the Adam family: its β₁, β₂ and ε are those of its `moments`.
public protocol AdamFamily: GradientTransformation {
    var moments: AdamMoments<Vector.Scalar> { get }
}

/// A member of the Adam family with no hyperparameter beyond β₁, β₂ and ε, built from them alone.
public protocol MomentsOnly: AdamFamily {
    init(moments: AdamMoments<Vector.Scalar>)
}

extension MomentsOnly {
    /// β₁, β₂ and ε (torch's defaults: 0.9, 0.999, 10⁻⁸).
    public init(beta1: Vector.Scalar, beta2: Vector.Scalar, eps: Vector.Scalar) {
        self.init(moments: AdamMoments(beta1: beta1, beta2: beta2, eps: eps))
    }
}

extension MomentsOnly where Vector.Scalar == Double {
    /// torch's defaults: β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸.
    public init(beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8) {
        self.init(moments: AdamMoments(beta1: beta1, beta2: beta2, eps: eps))
    }
}

extension AdamFamily {
    public var beta1: Vector.Scalar { moments.beta1 }
    public var beta2: Vector.Scalar { moments.beta2 }
    public var eps: Vector.Scalar { moments.eps }
}
