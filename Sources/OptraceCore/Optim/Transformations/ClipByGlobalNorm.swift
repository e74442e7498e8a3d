/// Rescales the gradient to global norm at most c: g ← g·min(1, c/‖g‖) (torch `clip_grad_norm_` without its 1e-6).
///
/// ‖g‖ is √(g_x² + g_y²), computed with rescaling when the squares overflow, so a huge but
/// finite gradient is clipped to norm c instead of becoming zero. torch divides by ‖g‖ + 10⁻⁶
/// and so shortens even a gradient of norm exactly c by a relative 10⁻⁶/c; optax's
/// `clip_by_global_norm` and this transformation leave it unchanged.
public struct ClipByGlobalNorm: GradientTransformation {
    public let maxNorm: Double

    public init(_ maxNorm: Double) { self.maxNorm = maxNorm }

    public func initialState(params: Vec2) -> StepCount { StepCount() }

    public func update(_ updates: Vec2, state: StepCount, params: Vec2) -> (updates: Vec2, state: StepCount) {
        let norm = Self.norm(updates)
        return (norm > maxNorm ? updates * (maxNorm / norm) : updates, state)
    }

    /// √(x² + y²), rescaled by the larger magnitude when the plain form overflows.
    static func norm(_ g: Vec2) -> Double {
        let plain = (g.x * g.x + g.y * g.y).squareRoot()
        if plain.isFinite || !g.x.isFinite || !g.y.isFinite { return plain }
        let m = max(abs(g.x), abs(g.y))
        let a = g.x / m, b = g.y / m
        return m * (a * a + b * b).squareRoot()
    }
}
