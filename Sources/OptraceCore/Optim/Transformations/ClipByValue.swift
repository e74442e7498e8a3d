/// Clips every gradient component to [−c, c] (torch `clip_grad_value_`, optax `clip`); NaN stays NaN.
public struct ClipByValue<Vector: ParameterVector>: StatelessTransformation {
    public let maxValue: Vector.Scalar

    public init(_ maxValue: Vector.Scalar) { self.maxValue = maxValue }

    @inline(__always)
    public func apply(_ updates: Vector, params: Vector) -> Vector { updates.clamped(to: maxValue) }
}
