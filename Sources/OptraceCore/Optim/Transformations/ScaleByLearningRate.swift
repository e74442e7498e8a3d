/// Multiplies updates by −η, with η a constant or a schedule of the update count (per lane): the descent step.
public struct ScaleByLearningRate<Vector: ParameterVector>: GradientTransformation {
    public let rate: LearningRate<Vector.Scalar>

    public init(rate: LearningRate<Vector.Scalar>) { self.rate = rate }
    public init(_ learningRate: Vector.Scalar) { self.rate = .constant(learningRate) }

    public func initialState(params: Vector) -> StepCount { StepCount() }

    @inline(__always)
    public func update(_ updates: Vector, state: StepCount, params: Vector) -> (updates: Vector, state: StepCount) {
        (-rate.value(at: state.count) * updates, state.incremented())
    }
}

extension ScaleByLearningRate where Vector.Scalar == Double {
    /// η given by `schedule` of the update count.
    public init(schedule: Schedule) { self.rate = LearningRate(schedule) }
}
