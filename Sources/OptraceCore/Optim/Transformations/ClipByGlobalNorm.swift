/// Rescales the gradient to global norm at most c: g ← g·min(1, c/‖g‖) (torch `clip_grad_norm_` without its 1e-6).
///
/// ‖g‖ is the Euclidean norm, computed with rescaling when the squares overflow, so a huge but
/// finite gradient is clipped to norm c instead of becoming zero. torch divides by ‖g‖ + 10⁻⁶
/// and so shortens even a gradient of norm exactly c by a relative 10⁻⁶/c; optax's
/// `clip_by_global_norm` and this transformation leave it unchanged.
public struct ClipByGlobalNorm<Vector: ParameterVector>: StatelessTransformation {
    public let maxNorm: Vector.Scalar

    public init(_ maxNorm: Vector.Scalar) { self.maxNorm = maxNorm }

    @inline(__always)
    public func apply(_ updates: Vector, params: Vector) -> Vector {
        let norm = updates.norm
        return Vector.select(norm, greaterThan: maxNorm, updates * (maxNorm / norm), updates)
    }
}
