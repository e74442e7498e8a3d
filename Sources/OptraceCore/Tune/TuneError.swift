/// A refused tuning request (a bad range, parameter, objective, shard, …): one line saying what and why.
public struct TuneError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
