import Foundation

/// Noise-free theory for gradient descent and heavy-ball momentum on a quadratic with curvatures λ₁ < λ₂.
///
/// Gradient descent converges iff 0 < η·λ₂ < 2, fastest at η* = 2/(λ₁ + λ₂) (rate (κ−1)/(κ+1)).
/// Heavy-ball momentum (vₜ = β·vₜ₋₁ + gₜ, θₜ = θₜ₋₁ − η·vₜ) converges iff 0 ≤ β < 1 and
/// 0 < η·λ < 2 + 2β for both curvatures, fastest at η* = (2/(√λ₁ + √λ₂))²,
/// β* = ((√λ₂ − √λ₁)/(√λ₂ + √λ₁))² (Polyak 1964; Goh, "Why Momentum Really Works", 2017), rate √β*.
public struct QuadraticTheory: Sendable, Equatable {
    public let lambda1: Double
    public let lambda2: Double

    public init(lambda1: Double, lambda2: Double) {
        self.lambda1 = Swift.min(lambda1, lambda2)
        self.lambda2 = Swift.max(lambda1, lambda2)
    }

    /// The theory of `surface` when its f is a positive-definite quadratic, else nil.
    public init?(surface: Surface) {
        guard let form = QuadraticForm(surface.expression), form.isPositiveDefinite else { return nil }
        let (l1, l2) = form.curvatures
        self.init(lambda1: l1, lambda2: l2)
    }

    /// The condition number κ = λ₂/λ₁.
    public var condition: Double { lambda2 / lambda1 }

    /// Gradient descent's fastest learning rate, 2/(λ₁ + λ₂).
    public var gradientDescentBestRate: Double { 2 / (lambda1 + lambda2) }

    /// Gradient descent's contraction per step at its best rate, (κ − 1)/(κ + 1).
    public var gradientDescentBestContraction: Double { (condition - 1) / (condition + 1) }

    /// The largest stable learning rate of heavy-ball momentum with momentum β (β = 0: gradient descent), (2 + 2β)/λ₂.
    public func stabilityLimit(beta: Double) -> Double { (2 + 2 * beta) / lambda2 }

    /// Heavy-ball momentum's fastest (η, β).
    public var momentumBest: (lr: Double, beta: Double) {
        let (r1, r2) = (lambda1.squareRoot(), lambda2.squareRoot())
        let lr = (2 / (r1 + r2)) * (2 / (r1 + r2))
        let beta = ((r2 - r1) / (r2 + r1)) * ((r2 - r1) / (r2 + r1))
        return (lr, beta)
    }

    /// Heavy-ball momentum's contraction per step at its best (η, β), √β*.
    public var momentumBestContraction: Double { momentumBest.beta.squareRoot() }

    /// Whether heavy-ball momentum (η, β) converges: 0 ≤ β < 1 and 0 < η·λ < 2 + 2β for both curvatures.
    public func converges(lr: Double, beta: Double) -> Bool {
        beta >= 0 && beta < 1 && lr > 0 && lr * lambda2 < 2 + 2 * beta
    }
}
