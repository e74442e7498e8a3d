/// One parameter of a built-in term: its name, how many numbers it takes, its default and constraints.
public struct TermParameter: Sendable {
    public var name: String
    /// 1 for a scalar, 2 for a pair such as a centre.
    public var arity: Int
    public var defaultValue: [Double]
    public var summary: String
    /// Whether every number must be > 0 (e.g. a width).
    public var mustBePositive: Bool

    public init(name: String, arity: Int, defaultValue: [Double], summary: String, mustBePositive: Bool = false) {
        self.name = name
        self.arity = arity
        self.defaultValue = defaultValue
        self.summary = summary
        self.mustBePositive = mustBePositive
    }
}
