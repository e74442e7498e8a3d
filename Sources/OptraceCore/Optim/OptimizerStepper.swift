/// A running update rule: its current state, stepping parameters of type `Vector`.
///
/// Made by `UpdateRule.makeStepper(params:)`. Its step function is specialised for the
/// concrete transformation chain, so stepping costs no generic dispatch. Not thread-safe:
/// one stepper per racer (or group of lanes) and thread.
public struct Stepper<Vector: ParameterVector> {
    private let stepFunction: (Vector, Vector) -> Vector

    init(_ stepFunction: @escaping (Vector, Vector) -> Vector) {
        self.stepFunction = stepFunction
    }

    /// Applies one update for `gradient` at `params` and returns the new parameters.
    @inline(__always)
    public func step(params: Vector, gradient: Vector) -> Vector {
        stepFunction(params, gradient)
    }
}

/// A racer's running optimizer on the plane.
public typealias OptimizerStepper = Stepper<Vec2>

/// A transformation together with its current state value: the explicit form of a stepper.
public struct TransformationStepper<T: GradientTransformation> {
    public let transformation: T
    public private(set) var state: T.State

    public init(_ transformation: T, params: T.Vector) {
        self.transformation = transformation
        self.state = transformation.initialState(params: params)
    }

    /// Applies one update for `gradient` at `params` and returns the new parameters.
    @inline(__always)
    public mutating func step(params: T.Vector, gradient: T.Vector) -> T.Vector {
        let (updates, next) = transformation.update(gradient, state: state, params: params)
        state = next
        return params + updates
    }
}
