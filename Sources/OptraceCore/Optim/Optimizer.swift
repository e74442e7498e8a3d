/// A configured update rule for parameters of type `Vector`, ready to start steppers: the chain of transformations
/// behind a racer (`Vec2`), behind a sweep's configurations in lanes (`LaneVec2`), or behind a model (`FlatVector`).
public struct UpdateRule<Vector: ParameterVector>: Sendable {
    /// The transformation chain (for example `Trace(decay: 0.9).then(ScaleByLearningRate(0.22))`).
    public let transformation: any GradientTransformation<Vector>
    private let stepperFactory: @Sendable (Vector) -> Stepper<Vector>
    private let runner: @Sendable (Vector, any SteppedRun<Vector>) -> Void

    /// The rule of `transformation`. Built where the chain's type is known, so stepping is specialised for it.
    public init<T: GradientTransformation>(_ transformation: T) where T.Vector == Vector {
        self.transformation = transformation
        self.stepperFactory = { start in
            var stepper = TransformationStepper(transformation, params: start)
            return Stepper { params, gradient in stepper.step(params: params, gradient: gradient) }
        }
        self.runner = { start, run in RunLoop.run(transformation, from: start, in: run) }
    }

    /// Runs the rule from `start` through `run`'s evaluations until it stops (`RunLoop`, specialised for the chain).
    public func run(from start: Vector, in run: any SteppedRun<Vector>) {
        runner(start, run)
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
///
/// A configured optimizer builds its rule when asked: a sweep makes one per configuration but steps most of them in
/// lanes, through one rule for 16 configurations at once.
public struct Optimizer: Sendable {
    private let builtRule: UpdateRule<Vec2>?
    public let configuration: OptimizerConfiguration?

    public init<T: GradientTransformation>(_ transformation: T) where T.Vector == Vec2 {
        builtRule = UpdateRule(transformation)
        configuration = nil
    }

    /// The optimizer of a catalog configuration.
    init(configuration: OptimizerConfiguration) {
        builtRule = nil
        self.configuration = configuration
    }

    /// The update rule on the plane.
    public var rule: UpdateRule<Vec2> {
        // One configuration always has one shape.
        builtRule ?? OptimizerConfiguration.rule(for: [configuration!])!
    }

    /// The transformation chain.
    public var transformation: any GradientTransformation<Vec2> { rule.transformation }

    /// The same rule on other parameters (a model's `FlatVector`); nil for a rule built from a transformation
    /// directly rather than from the catalog.
    public func rule<V: ParameterVector>(on _: V.Type) -> UpdateRule<V>? where V.Scalar == Double {
        configuration.flatMap { OptimizerConfiguration.rule(for: [$0]) }
    }

    /// A fresh stepper starting at `params`.
    public func makeStepper(params: Vec2) -> Stepper<Vec2> { rule.makeStepper(params: params) }

    /// Runs `gradients` through a fresh stepper from `start`; returns θ₁…θₙ (for tests and tools).
    public func trajectory(from start: Vec2, gradients: [Vec2]) -> [Vec2] { rule.trajectory(from: start, gradients: gradients) }
}
