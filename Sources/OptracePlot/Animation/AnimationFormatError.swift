/// Why a list of animation formats was refused.
public struct AnimationFormatError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
