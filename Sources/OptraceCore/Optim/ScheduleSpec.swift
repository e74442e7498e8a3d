/// A racer's learning-rate schedule as its scenario gives it: a type and its settings, defaults filled in.
public struct ScheduleSpec: Sendable, CustomStringConvertible {
    public let type: ScheduleType
    /// Every key of the type with its value, in the type's order.
    public let settings: [(name: String, value: Double)]

    /// The schedule of `type` with `given` settings (validated by the caller) and the type's defaults.
    public init(type: ScheduleType, given: [String: Double]) {
        self.type = type
        self.settings = type.keys.map { key in (key.name, given[key.name] ?? key.defaultValue ?? .nan) }
    }

    /// The settings by name.
    public var values: [String: Double] {
        Dictionary(settings.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// The schedule whose peak (or initial value) is `peak`, the racer's `lr`.
    public func schedule(peak: Double) -> Schedule { type.schedule(peak: peak, settings: values) }

    /// "warmup_cosine(warmup_steps: 20, decay_steps: 200, alpha: 0, init_value: 0)".
    public var description: String {
        let inner = settings.map { "\($0.name): \(NumberFormat.short($0.value))" }.joined(separator: ", ")
        return inner.isEmpty ? type.name : "\(type.name)(\(inner))"
    }
}
