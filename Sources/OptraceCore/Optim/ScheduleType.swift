/// A kind of learning-rate schedule a racer can name (`schedule: {type: NAME, …}`): its keys and how to build it.
public struct ScheduleType: Sendable {
    /// One setting of a schedule type.
    public struct Key: Sendable {
        public let name: String
        /// Whether the value is a whole number of updates.
        public let isInteger: Bool
        public let constraint: ParameterConstraint
        /// nil when the key is required.
        public let defaultValue: Double?
        public let summary: String

        public init(_ name: String, integer: Bool = false, _ constraint: ParameterConstraint, default defaultValue: Double? = nil, summary: String) {
            self.name = name
            self.isInteger = integer
            self.constraint = constraint
            self.defaultValue = defaultValue
            self.summary = summary
        }

        /// What the key accepts, for error messages.
        public var expectation: String {
            if isInteger { return constraint == .positive ? "a whole number ≥ 1" : "a whole number ≥ 0" }
            return constraint.expectation
        }
    }

    public let name: String
    public let summary: String
    /// ηₛ at update count s (0 for the first update), with η the racer's `lr`.
    public let formula: String
    public let keys: [Key]
    private let checker: @Sendable ([String: Double]) -> (key: String, message: String)?
    private let maker: @Sendable (Double, [String: Double]) -> Schedule

    public init(
        name: String, summary: String, formula: String, keys: [Key],
        check: @escaping @Sendable ([String: Double]) -> (key: String, message: String)? = { _ in nil },
        make: @escaping @Sendable (Double, [String: Double]) -> Schedule
    ) {
        self.name = name
        self.summary = summary
        self.formula = formula
        self.keys = keys
        self.checker = check
        self.maker = make
    }

    /// The key called `name`.
    public func key(named name: String) -> Key? { keys.first { $0.name == name } }

    /// A contradiction between complete `settings` (the key to blame and why), if any.
    public func conflict(_ settings: [String: Double]) -> (key: String, message: String)? { checker(settings) }

    /// The schedule with peak (or initial) value `peak` and complete `settings`.
    public func schedule(peak: Double, settings: [String: Double]) -> Schedule { maker(peak, settings) }
}
