import OptraceCore

/// Why a live request was refused: the HTTP status, the one-line message the command line would print, and the
/// request field (a key path such as `racers[1].lr`) the page shows it beside.
public struct LiveError: Error, Sendable, Equatable {
    public var status: Int
    public var message: String
    public var field: String?

    public init(_ status: Int, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    /// A scenario's refusal as a 400, with its key path as the field.
    public init(_ error: ScenarioError) {
        self.init(400, error.headline, field: error.keyPath)
    }

    public var response: LiveResponse { .error(status, message, field: field) }
}
