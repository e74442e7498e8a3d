/// The error thrown where drawing or encoding stops because its `Cancellation` fired.
public struct Cancelled: Error, Sendable, Equatable, CustomStringConvertible {
    public init() {}

    public var description: String { "cancelled" }
}
