import Foundation

/// A unit's nonlinearity φ, with its slope φ′ for the backward pass.
public enum Activation: String, Sendable, CaseIterable {
    case tanh
    case sigmoid
    case relu
    /// φ(z) = z: a linear output (regression with `mse`).
    case linear

    /// φ(z).
    public func value(_ z: Double) -> Double {
        switch self {
        case .tanh: return Foundation.tanh(z)
        case .sigmoid: return 1 / (1 + exp(-z))
        case .relu: return z > 0 ? z : 0
        case .linear: return z
        }
    }

    /// φ′ at pre-activation `z` whose value is `a` = φ(z): 1 − a² for tanh (the chapter's tanh gate), a(1 − a)
    /// for the sigmoid, 1 or 0 for ReLU (0 at z = 0, as frameworks take it).
    public func slope(z: Double, value a: Double) -> Double {
        switch self {
        case .tanh: return 1 - a * a
        case .sigmoid: return a * (1 - a)
        case .relu: return z > 0 ? 1 : 0
        case .linear: return 1
        }
    }
}
