import Foundation

/// The moment estimates the Adam family shares: β₁, β₂, ε, the two exponential moving averages and their bias
/// corrections, written once for `ScaleByAdam`, `ScaleByAMSGrad`, `ScaleByAdamax`, `ScaleByNadam` and `ScaleByRAdam`.
public struct AdamMoments: Sendable, Equatable {
    public let beta1: Double
    public let beta2: Double
    public let eps: Double

    public init(beta1: Double, beta2: Double, eps: Double) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
    }

    /// mₜ = β₁mₜ₋₁ + (1−β₁)gₜ.
    @inline(__always)
    public func first(_ m: Vec2, _ g: Vec2) -> Vec2 { beta1 * m + (1 - beta1) * g }

    /// vₜ = β₂vₜ₋₁ + (1−β₂)gₜ².
    @inline(__always)
    public func second(_ v: Vec2, _ g: Vec2) -> Vec2 { beta2 * v + (1 - beta2) * (g * g) }

    /// 1 − β₁ᵗ, the first moment's bias correction at update t (1-based).
    public func firstCorrection(_ t: Int) -> Double { 1 - Self.power(beta1, t) }

    /// 1 − β₂ᵗ, the second moment's bias correction at update t (1-based).
    public func secondCorrection(_ t: Int) -> Double { 1 - Self.power(beta2, t) }

    /// βᵗ; exact for small t like torch's `beta ** step`.
    static func power(_ beta: Double, _ t: Int) -> Double {
        Foundation.pow(beta, Double(t))
    }
}

/// A transformation of the Adam family: its β₁, β₂ and ε are those of its `moments`.
public protocol AdamFamily: GradientTransformation {
    var moments: AdamMoments { get }
}

/// A member of the Adam family with no hyperparameter beyond β₁, β₂ and ε, built from them alone.
public protocol MomentsOnly: AdamFamily {
    init(moments: AdamMoments)
}

extension MomentsOnly {
    /// torch's defaults: β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸.
    public init(beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8) {
        self.init(moments: AdamMoments(beta1: beta1, beta2: beta2, eps: eps))
    }
}

extension AdamFamily {
    public var beta1: Double { moments.beta1 }
    public var beta2: Double { moments.beta2 }
    public var eps: Double { moments.eps }
}
