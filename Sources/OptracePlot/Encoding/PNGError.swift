/// A failure reported by libpng or by the PNG/APNG code around it.
public struct PNGError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "PNG error: \(message)" }
}
