/// A published minimum of a surface: where it is and the loss there.
public struct KnownMinimum: Sendable, Equatable, Codable {
    public var point: Vec2
    public var value: Double
    /// Whether this is a global minimum of the surface (false for local minima).
    public var isGlobal: Bool

    public init(point: Vec2, value: Double, isGlobal: Bool = true) {
        self.point = point
        self.value = value
        self.isGlobal = isGlobal
    }
}
