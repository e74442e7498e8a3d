/// The learning rate η of each lane as a function of the update count: a constant, or one `Schedule` per lane.
public struct LearningRate<Scalar: ParameterScalar>: Sendable {
    /// The rate at every step, when every lane's schedule is constant.
    public var constantValue: Scalar? { schedules.isEmpty ? constant : nil }
    /// The constant rate (unused when there are schedules). Not an optional: reading it in the loop copies no tag.
    private let constant: Scalar
    /// One schedule per lane (empty when constant).
    private let schedules: [Schedule]

    /// The same rate at every step.
    public static func constant(_ value: Scalar) -> LearningRate { LearningRate(constantValue: value, schedules: []) }

    private init(constantValue: Scalar?, schedules: [Schedule]) {
        constant = constantValue ?? Scalar(repeating: .nan)
        self.schedules = schedules
    }

    /// Lane i follows `schedules[i]` (exactly `Scalar.laneCount` of them).
    public init(lanes schedules: [Schedule]) {
        precondition(schedules.count == Scalar.laneCount, "one schedule per lane")
        if schedules.allSatisfy({ $0.constantValue != nil }) {
            self.init(constantValue: Scalar(lanes: { schedules[$0].constantValue! }), schedules: [])
        } else {
            self.init(constantValue: nil, schedules: schedules)
        }
    }

    /// The rate at update count `step` (0 for the first update).
    @inline(__always)
    public func value(at step: Int) -> Scalar {
        if schedules.isEmpty { return constant }
        return Scalar(lanes: { schedules[$0](step) })
    }

    /// Each lane's schedule divided by 1 + s·decay of that lane (Adagrad's `lr_decay`).
    public func inverseTimeDecayed(_ decay: Scalar) -> LearningRate {
        LearningRate(lanes: (0..<Scalar.laneCount).map { i in
            (schedules.isEmpty ? Schedule.constant(constant.lane(i)) : schedules[i]).inverseTimeDecayed(decay.lane(i))
        })
    }
}

extension LearningRate where Scalar == Double {
    /// η given by `schedule` of the update count.
    public init(_ schedule: Schedule) { self.init(lanes: [schedule]) }
}
