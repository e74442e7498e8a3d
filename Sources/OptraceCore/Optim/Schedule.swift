/// A value as a function of the update count (0 for the first update), as in optax: `step -> value`.
public struct Schedule: Sendable {
    private let function: @Sendable (Int) -> Double

    /// A schedule computed by `function` from the update count.
    public init(_ function: @escaping @Sendable (Int) -> Double) {
        self.function = function
    }

    /// The value at update count `step` (0 for the first update).
    public func callAsFunction(_ step: Int) -> Double { value(at: step) }

    /// The value at update count `step` (0 for the first update).
    public func value(at step: Int) -> Double { function(step) }

    /// The same value at every step.
    public static func constant(_ value: Double) -> Schedule { Schedule { _ in value } }
}
