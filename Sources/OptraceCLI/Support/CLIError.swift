/// A refusal reported as one line on standard error with exit code 2 (bad input), nothing written.
public struct CLIError: Error, CustomStringConvertible {
    public let message: String
    /// Lines shown under the message (an expression with a caret), if any.
    public let excerpt: String?

    public init(_ message: String, excerpt: String? = nil) {
        self.message = message
        self.excerpt = excerpt
    }

    public var description: String { message }
}
