import Foundation

/// Maps data values to [0, 1] before a colormap is applied (matplotlib's `Normalize` / `LogNorm`).
public enum Normalization: Sendable, Hashable {
    /// `(v − vmin) / (vmax − vmin)`.
    case linear(vmin: Double, vmax: Double)
    /// `(log v − log vmin) / (log vmax − log vmin)`; values ≤ 0 or NaN are masked (`nil`). Requires `0 < vmin`.
    case log(vmin: Double, vmax: Double)

    public var vmin: Double {
        switch self { case .linear(let a, _), .log(let a, _): return a }
    }

    public var vmax: Double {
        switch self { case .linear(_, let b), .log(_, let b): return b }
    }

    public var isLog: Bool {
        if case .log = self { return true }
        return false
    }

    /// Normalised value, unclamped (values outside the range go below 0 or above 1); `nil` when masked.
    public func callAsFunction(_ v: Double) -> Double? {
        switch self {
        case .linear(let a, let b):
            guard v.isFinite else { return v.isNaN ? nil : (v > 0 ? .infinity : -.infinity) }
            return b == a ? 0.5 : (v - a) / (b - a)
        case .log(let a, let b):
            guard v > 0, !v.isNaN else { return nil }
            guard v.isFinite else { return .infinity }
            let la = Foundation.log(a), lb = Foundation.log(b)
            return lb == la ? 0.5 : (Foundation.log(v) - la) / (lb - la)
        }
    }

    /// Data value at normalised position `t` (the inverse map).
    public func inverse(_ t: Double) -> Double {
        switch self {
        case .linear(let a, let b): return a + (b - a) * t
        case .log(let a, let b): return Foundation.exp(Foundation.log(a) + (Foundation.log(b) - Foundation.log(a)) * t)
        }
    }
}
