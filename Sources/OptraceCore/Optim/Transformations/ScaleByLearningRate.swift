/// Multiplies updates by −η, with η a constant or a schedule of the update count: the descent step.
public struct ScaleByLearningRate: GradientTransformation {
    public let schedule: Schedule

    public init(_ learningRate: Double) { self.schedule = .constant(learningRate) }
    public init(schedule: Schedule) { self.schedule = schedule }

    public func initialState(params: Vec2) -> StepCount { StepCount() }

    public func update(_ updates: Vec2, state: StepCount, params: Vec2) -> (updates: Vec2, state: StepCount) {
        (-schedule(state.count) * updates, state.incremented())
    }
}
