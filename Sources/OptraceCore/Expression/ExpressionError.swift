/// A problem in a formula: what is wrong and the 1-based column (in characters) where it is.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 1-based column in characters; 0 when the problem has no position in a source text (e.g. a tape
    /// compiled from an expression built in code).
    public var column: Int

    public init(message: String, column: Int) {
        self.message = message
        self.column = column
    }

    public var description: String { "column \(column): \(message)" }

    /// Two lines: the source, then spaces and a `^` under `column`.
    public func caretLine(source: String) -> String {
        let pad = String(repeating: " ", count: Swift.max(0, column - 1))
        return source + "\n" + pad + "^"
    }
}
