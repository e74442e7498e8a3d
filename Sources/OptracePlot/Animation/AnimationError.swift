/// A failure of an animation encoder (giflib, libwebp, ffmpeg) or of the code around it.
public struct AnimationError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
