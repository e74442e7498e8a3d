/// The number of updates a transformation has applied so far.
public struct StepCount: Sendable, Equatable {
    public var count: Int

    public init(count: Int = 0) { self.count = count }

    /// The count after one more update (saturating, never traps).
    public func incremented() -> StepCount { StepCount(count: count == Int.max ? count : count + 1) }
}
