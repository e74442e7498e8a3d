/// A transformation with nothing to remember between updates (optax's `stateless`): it only maps the updates,
/// given the parameters; its state is the update count, kept for uniformity.
public protocol StatelessTransformation: GradientTransformation where State == StepCount {
    /// The outgoing updates for incoming `updates` at `params`.
    func apply(_ updates: Vector, params: Vector) -> Vector
}

extension StatelessTransformation {
    public func initialState(params: Vector) -> StepCount { StepCount() }

    @inline(__always)
    public func update(_ updates: Vector, state: StepCount, params: Vector) -> (updates: Vector, state: StepCount) {
        (apply(updates, params: params), state)
    }
}
