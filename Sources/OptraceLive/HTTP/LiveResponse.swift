import OptraceCore

/// One HTTP response of the live instruments: status, content type, extra headers and body bytes.
public struct LiveResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int = 200, contentType: String, headers: [(name: String, value: String)] = [], body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    /// The body as text (for tests and logs).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// A UTF-8 text response.
    public static func text(_ text: String, type: String, status: Int = 200) -> LiveResponse {
        LiveResponse(status: status, contentType: type, body: Array(text.utf8))
    }

    /// `{"error": message}` with a 4xx status; `field` names the control or key that caused it.
    public static func error(_ status: Int, _ message: String, field: String? = nil) -> LiveResponse {
        var members: [(String, JSONValue)] = [("error", .string(message))]
        if let field { members.append(("field", .string(field))) }
        return .json(.object(members), status: status)
    }

    /// A JSON answer on one line.
    public static func json(_ value: JSONValue, status: Int = 200) -> LiveResponse {
        LiveResponse(status: status, contentType: "application/json", body: value.compactBytes())
    }

    /// A file to save: `Content-Disposition: attachment`.
    public static func download(_ body: [UInt8], type: String, fileName: String) -> LiveResponse {
        LiveResponse(contentType: type, headers: [("Content-Disposition", "attachment; filename=\"\(fileName)\"")], body: body)
    }
}
