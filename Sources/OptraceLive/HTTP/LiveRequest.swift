/// One HTTP request as the live instruments see it: method, path, query and body, independent of the server library.
public struct LiveRequest: Sendable {
    public var method: String
    /// The path, percent-decoded, without the query (`/race/valley-bump`).
    public var path: String
    /// The query's name-value pairs in order, percent-decoded.
    public var query: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, path: String, query: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
    }

    /// A request from a raw target such as `/race/valley-bump?step=120` (percent-decoding path and query).
    public init(method: String, target: String, body: [UInt8] = []) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = parts.first.map(String.init) ?? "/"
        self.init(
            method: method, path: PercentEncoding.decode(rawPath) ?? rawPath,
            query: parts.count > 1 ? LiveRequest.parseQuery(String(parts[1])) : [], body: body)
    }

    /// The last value given for `name`, if any.
    public func query(_ name: String) -> String? {
        query.last { $0.name == name }?.value
    }

    /// `a=1&b=two` as pairs; `+` is a space, as in forms.
    public static func parseQuery(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").compactMap { item in
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.decode(String(pair[0]).replacingOccurrences(of: "+", with: " ")) ?? String(pair[0])
            let raw = pair.count > 1 ? String(pair[1]).replacingOccurrences(of: "+", with: " ") : ""
            return (name, PercentEncoding.decode(raw) ?? raw)
        }
    }
}
