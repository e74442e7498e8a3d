/// Clips every gradient component to [−c, c] (torch `clip_grad_value_`, optax `clip`); NaN stays NaN.
public struct ClipByValue<Vector: ParameterVector>: GradientTransformation {
    public let maxValue: Vector.Scalar

    public init(_ maxValue: Vector.Scalar) { self.maxValue = maxValue }

    public func initialState(params: Vector) -> StepCount { StepCount() }

    @inline(__always)
    public func update(_ updates: Vector, state: StepCount, params: Vector) -> (updates: Vector, state: StepCount) {
        (updates.clamped(to: maxValue), state)
    }
}
