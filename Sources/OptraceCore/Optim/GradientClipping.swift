/// A racer's gradient clipping, applied to the noisy gradient before the optimizer's own transformations.
public enum GradientClipping: Sendable, Equatable, CustomStringConvertible {
    /// `clip_norm: c`: g ← g·min(1, c/‖g‖) (global norm; torch `clip_grad_norm_` without its 10⁻⁶).
    case norm(Double)
    /// `clip_value: c`: every component clamped to [−c, c] (torch `clip_grad_value_`).
    case value(Double)

    /// The scenario key that sets it.
    public var key: String {
        switch self {
        case .norm: return "clip_norm"
        case .value: return "clip_value"
        }
    }

    /// The threshold c.
    public var threshold: Double {
        switch self {
        case .norm(let c), .value(let c): return c
        }
    }

    public var description: String { "\(key): \(NumberFormat.short(threshold))" }

    /// The clipping keys a racer takes, with their meaning (for `optrace list` and errors).
    public static let keys: [(name: String, formula: String, summary: String)] = [
        ("clip_norm", "g ← g·min(1, c/‖g‖)", "global-norm clipping (torch clip_grad_norm_, without its 1e-6)"),
        ("clip_value", "g ← clamp(g, −c, c)", "element-wise clipping (torch clip_grad_value_)"),
    ]
}
