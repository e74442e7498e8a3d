import Foundation

/// The moment estimates the Adam family shares: β₁, β₂, ε, the two exponential moving averages and their bias
/// corrections, written once for `ScaleByAdam`, `ScaleByAMSGrad`, `ScaleByAdamax`, `ScaleByNadam` and `ScaleByRAdam`.
public struct AdamMoments<Scalar: ParameterScalar>: Sendable {
    public let beta1: Scalar
    public let beta2: Scalar
    public let eps: Scalar

    public init(beta1: Scalar, beta2: Scalar, eps: Scalar) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
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
    public func firstCorrection(_ t: Int) -> Scalar { 1 - Scalar.power(beta1, t) }

    /// 1 − β₂ᵗ, the second moment's bias correction at update t (1-based).
    @inline(__always)
    public func secondCorrection(_ t: Int) -> Scalar { 1 - Scalar.power(beta2, t) }
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
