import Foundation

/// The loss a network is trained on, averaged over the batch.
public enum NetworkLoss: String, Sendable, CaseIterable {
    /// Binary cross-entropy on a sigmoid output, with the chapter's guard:
    /// −mean(y·log(p + 10⁻⁹) + (1 − y)·log(1 − p + 10⁻⁹)).
    case bce
    /// Mean squared error over every output: mean((p − y)²).
    case mse

    /// The guard that keeps `bce`'s logarithms finite at p = 0 and p = 1.
    public static let guardTerm = 1e-9

    /// The loss of predictions `p` against targets `y` (same shape).
    public func value(predictions p: Matrix, targets y: Matrix) -> Double {
        let count = Double(p.values.count)
        switch self {
        case .bce:
            var sum = 0.0
            for (pi, yi) in zip(p.values, y.values) {
                sum += yi * log(pi + Self.guardTerm) + (1 - yi) * log(1 - pi + Self.guardTerm)
            }
            return -(sum / count)
        case .mse:
            var sum = 0.0
            for (pi, yi) in zip(p.values, y.values) { sum += (pi - yi) * (pi - yi) }
            return sum / count
        }
    }
}
