/// A configured update rule, ready to start steppers: the chain of transformations behind a racer.
public struct Optimizer: Sendable {
    /// The transformation chain (for example `Trace(decay: 0.9).then(ScaleByLearningRate(0.22))`).
    public let transformation: any GradientTransformation
    private let stepperFactory: @Sendable (Vec2) -> OptimizerStepper

    public init<T: GradientTransformation>(_ transformation: T) {
        self.transformation = transformation
        self.stepperFactory = { start in
            var stepper = TransformationStepper(transformation, params: start)
            return OptimizerStepper { params, gradient in stepper.step(params: params, gradient: gradient) }
        }
    }

    /// This optimizer with `first` applied to the gradient before its own transformations
    /// (gradient clipping: `clip_grad_*` before `optimizer.step()`).
    public func prepending<First: GradientTransformation>(_ first: First) -> Optimizer {
        func chained<Rest: GradientTransformation>(_ rest: Rest) -> Optimizer { Optimizer(first.then(rest)) }
        return chained(transformation)
    }

    /// A fresh stepper starting at `params`.
    public func makeStepper(params: Vec2) -> OptimizerStepper {
        stepperFactory(params)
    }

    /// Runs `gradients` through a fresh stepper from `start`; returns θ₁…θₙ (for tests and tools).
    public func trajectory(from start: Vec2, gradients: [Vec2]) -> [Vec2] {
        let stepper = makeStepper(params: start)
        var theta = start
        return gradients.map { g in
            theta = stepper.step(params: theta, gradient: g)
            return theta
        }
    }
}
