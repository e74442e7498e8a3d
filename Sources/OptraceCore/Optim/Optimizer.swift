/// A configured update rule for parameters of type `Vector`, ready to start steppers: the chain of transformations
/// behind a racer (`Vec2`), behind eight configurations of a sweep (`LaneVec2`), or behind a model (`FlatVector`).
public struct UpdateRule<Vector: ParameterVector>: Sendable {
    /// The transformation chain (for example `Trace(decay: 0.9).then(ScaleByLearningRate(0.22))`).
    public let transformation: any GradientTransformation<Vector>
    private let stepperFactory: @Sendable (Vector) -> Stepper<Vector>

    /// The rule of `transformation`. Built where the chain's type is known, so stepping is specialised for it.
    public init<T: GradientTransformation>(_ transformation: T) where T.Vector == Vector {
        self.transformation = transformation
        self.stepperFactory = { start in
            var stepper = TransformationStepper(transformation, params: start)
            return Stepper { params, gradient in stepper.step(params: params, gradient: gradient) }
        }
    }

    /// A fresh stepper starting at `params`.
    public func makeStepper(params: Vector) -> Stepper<Vector> {
        stepperFactory(params)
    }

    /// Runs `gradients` through a fresh stepper from `start`; returns θ₁…θₙ (for tests and tools).
    public func trajectory(from start: Vector, gradients: [Vector]) -> [Vector] {
        let stepper = makeStepper(params: start)
        var theta = start
        return gradients.map { g in
            theta = stepper.step(params: theta, gradient: g)
            return theta
        }
    }
}

/// A racer's update rule on the plane; `configuration` says which catalog rule, hyperparameters, schedule and
/// clipping it was built from (nil for a rule built from a transformation directly).
public struct Optimizer: Sendable {
    public let rule: UpdateRule<Vec2>
    public let configuration: OptimizerConfiguration?

    public init<T: GradientTransformation>(_ transformation: T) where T.Vector == Vec2 {
        rule = UpdateRule(transformation)
        configuration = nil
    }

    init(rule: UpdateRule<Vec2>, configuration: OptimizerConfiguration?) {
        self.rule = rule
        self.configuration = configuration
    }

    /// The transformation chain.
    public var transformation: any GradientTransformation<Vec2> { rule.transformation }

    /// A fresh stepper starting at `params`.
    public func makeStepper(params: Vec2) -> Stepper<Vec2> { rule.makeStepper(params: params) }

    /// Runs `gradients` through a fresh stepper from `start`; returns θ₁…θₙ (for tests and tools).
    public func trajectory(from start: Vec2, gradients: [Vec2]) -> [Vec2] { rule.trajectory(from: start, gradients: gradients) }
}
