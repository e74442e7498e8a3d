/// A running optimizer: one racer's update rule with its current state, stepping parameters.
///
/// Made by `Optimizer.makeStepper(params:)`. Its step function is specialised for the
/// concrete transformation chain, so stepping costs no generic dispatch. Not thread-safe:
/// one stepper per racer and thread.
public struct OptimizerStepper {
    private let stepFunction: (Vec2, Vec2) -> Vec2

    init(_ stepFunction: @escaping (Vec2, Vec2) -> Vec2) {
        self.stepFunction = stepFunction
    }

    /// Applies one update for `gradient` at `params` and returns the new parameters.
    public func step(params: Vec2, gradient: Vec2) -> Vec2 {
        stepFunction(params, gradient)
    }
}

/// A transformation together with its current state value: the explicit form of a stepper.
public struct TransformationStepper<T: GradientTransformation> {
    public let transformation: T
    public private(set) var state: T.State

    public init(_ transformation: T, params: Vec2) {
        self.transformation = transformation
        self.state = transformation.initialState(params: params)
    }

    /// Applies one update for `gradient` at `params` and returns the new parameters.
    public mutating func step(params: Vec2, gradient: Vec2) -> Vec2 {
        let (updates, next) = transformation.update(gradient, state: state, params: params)
        state = next
        return params + updates
    }
}
