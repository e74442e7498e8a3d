import Foundation

/// How values are spaced along a tuning picture's axis: evenly, in log, or in log of 1 − value (momenta near 1).
public enum AxisSpacing: Sendable, Hashable {
    case linear
    case log
    /// `1 − v` on a log scale, increasing with v: 0, 0.9, 0.99 and 0.999 are evenly spaced.
    case logOneMinus

    /// The axis coordinate of `v`, in which the spacing is even (increasing with `v`).
    func coordinate(_ v: Double) -> Double {
        switch self {
        case .linear: return v
        case .log: return Foundation.log10(v)
        case .logOneMinus: return -Foundation.log10(1 - v)
        }
    }

    /// The value at axis coordinate `t` (the inverse of `coordinate`).
    func value(_ t: Double) -> Double {
        switch self {
        case .linear: return t
        case .log: return Foundation.pow(10, t)
        case .logOneMinus: return 1 - Foundation.pow(10, -t)
        }
    }

    /// Whether `v` has a coordinate (> 0 on a log axis, < 1 on a 1 − v log axis).
    func admits(_ v: Double) -> Bool {
        switch self {
        case .linear: return v.isFinite
        case .log: return v > 0 && v.isFinite
        case .logOneMinus: return v < 1 && v.isFinite
        }
    }

    /// What the axis label adds to the parameter's name.
    func caption(_ name: String) -> String {
        switch self {
        case .linear: return name
        case .log: return name + " (log scale)"
        case .logOneMinus: return name + " (1 − \(name) on a log scale)"
        }
    }
}
