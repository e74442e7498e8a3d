/// Why a scenario was refused: where (file, line:column, key path), what was found, what is expected.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The key path, such as `racers[1].lr` (nil for the whole file).
    public var keyPath: String?
    public var message: String
    /// Extra lines shown under the message (an expression with a caret under the column).
    public var excerpt: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String? = nil, message: String, excerpt: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.excerpt = excerpt
    }

    /// `file:line:column: key.path: message`, one line.
    public var headline: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column, line != nil { place += ":\(column)" }
        if let keyPath, !keyPath.isEmpty { return "\(place): \(keyPath): \(message)" }
        return "\(place): \(message)"
    }

    /// The headline, then the excerpt if any.
    public var description: String {
        guard let excerpt else { return headline }
        return headline + "\n" + excerpt
    }
}
