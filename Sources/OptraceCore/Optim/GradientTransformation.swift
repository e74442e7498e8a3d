/// One small step of an update rule: turns incoming updates into outgoing updates, with its own value-type state.
///
/// This is the optax design: an optimizer is a chain of gradient transformations
/// (`Trace`, `ScaleByAdam`, `ScaleByLearningRate`, …), each pure, each with an immutable
/// state value that `update` returns anew. The last transformation of a chain produces the
/// delta that is added to the parameters: θ ← θ + update. Each is written once, generic over
/// the parameter vector: a point of the plane, a sweep's configurations in SIMD lanes, or a model's
/// n parameters.
public protocol GradientTransformation<Vector>: Sendable {
    /// What the transformation moves: `Vec2`, `LaneVec2` or `FlatVector`.
    associatedtype Vector: ParameterVector
    /// The transformation's own state (moments, step count, …): a value type.
    associatedtype State: Sendable

    /// The state before the first update, for parameters `params`.
    func initialState(params: Vector) -> State

    /// Transforms `updates` (at first the raw gradient) given the state and the current
    /// parameters; returns the transformed updates and the next state.
    func update(_ updates: Vector, state: State, params: Vector) -> (updates: Vector, state: State)
}

extension GradientTransformation {
    /// This transformation followed by `next`.
    public func then<Next: GradientTransformation>(_ next: Next) -> Chain<Self, Next> where Next.Vector == Vector {
        Chain(self, next)
    }
}
