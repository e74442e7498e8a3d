import Foundation
import Yams

/// A node of a scenario's YAML with its key path and position, and typed readers that fail with clear errors.
struct ScenarioNode {
    let node: Node
    let path: String
    let file: String

    var line: Int? { node.mark?.line }
    var column: Int? { node.mark?.column }

    /// An error located at this node.
    func error(_ message: String, excerpt: String? = nil) -> ScenarioError {
        ScenarioError(file: file, line: line, column: column, keyPath: path, message: message, excerpt: excerpt)
    }

    /// A short rendering of what the node holds, for "found …".
    var found: String {
        switch node {
        case .scalar(let s):
            if s.style == .plain && s.string.isEmpty { return "nothing" }
            let text = Self.shortened(s.string)
            return s.style == .plain ? text : "'\(text)' (a string)"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// `text` cut to 40 characters for an error message.
    static func shortened(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(37)) + "…" : text
    }

    func child(_ key: String, _ node: Node) -> ScenarioNode {
        ScenarioNode(node: node, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    func element(_ index: Int, _ node: Node) -> ScenarioNode {
        ScenarioNode(node: node, path: "\(path)[\(index)]", file: file)
    }

    /// The entries of a mapping, in order; every key must be among `allowed` and appear once.
    func mapping(allowed: [String], what: String) throws(ScenarioError) -> [(key: String, value: ScenarioNode)] {
        guard case .mapping(let mapping) = node else {
            throw error("expected \(what), found \(found)")
        }
        var seen = Set<String>()
        var entries: [(key: String, value: ScenarioNode)] = []
        for (keyNode, valueNode) in mapping {
            let keyPlace = ScenarioNode(node: keyNode, path: path, file: file)
            guard case .scalar(let scalar) = keyNode else { throw keyPlace.error("expected a key name, found \(keyPlace.found)") }
            let key = scalar.string
            let located = ScenarioNode(node: keyNode, path: path.isEmpty ? key : "\(path).\(key)", file: file)
            if !allowed.contains(key) {
                let expected = allowed.map { "'\($0)'" }.joined(separator: ", ")
                throw located.error("unknown key '\(key)'\(Suggestion.hint(for: key, in: allowed)); expected one of \(expected)")
            }
            if !seen.insert(key).inserted { throw located.error("key '\(key)' appears twice") }
            entries.append((key, child(key, valueNode)))
        }
        return entries
    }

    /// A mapping as a dictionary (after `mapping(allowed:what:)` checks).
    func fields(allowed: [String], what: String) throws(ScenarioError) -> ScenarioFields {
        ScenarioFields(owner: self, entries: try mapping(allowed: allowed, what: what))
    }

    /// The elements of a list.
    func sequence(what: String) throws(ScenarioError) -> [ScenarioNode] {
        guard case .sequence(let seq) = node else { throw error("expected \(what), found \(found)") }
        return seq.enumerated().map { element($0.offset, $0.element) }
    }

    /// A plain or quoted text.
    func string(what: String = "a text") throws(ScenarioError) -> String {
        guard case .scalar(let s) = node, !(s.style == .plain && (s.string.isEmpty || s.string == "~" || s.string == "null"))
        else { throw error("expected \(what), found \(found)") }
        return s.string
    }

    /// A finite number (written as a number, not quoted).
    func number(what: String = "a finite number") throws(ScenarioError) -> Double {
        guard case .scalar(let s) = node, s.style == .plain else { throw error("expected \(what), found \(found)") }
        let text = s.string.trimmingBlanks
        let lowered = text.lowercased()
        if [".nan", "nan"].contains(lowered) { throw error("expected \(what), found NaN") }
        if [".inf", "+.inf", "-.inf", "inf", "-inf", "+inf", "infinity", "-infinity"].contains(lowered) {
            throw error("expected \(what), found \(text.hasPrefix("-") ? "-" : "")infinity")
        }
        guard let value = Double(text) else { throw error("expected \(what), found \(found)") }
        guard value.isFinite else { throw error("expected \(what), found \(text) (out of range)") }
        return value
    }

    /// A whole number in `range`.
    func integer(in range: ClosedRange<Int>, what: String) throws(ScenarioError) -> Int {
        guard case .scalar(let s) = node, s.style == .plain else { throw error("expected \(what), found \(found)") }
        let text = s.string.trimmingBlanks
        guard let value = Int(text) else {
            if let d = Double(text), d.isFinite, d == d.rounded(), abs(d) < 9e18 {
                let n = Int(d)
                if range.contains(n) { return n }
            }
            throw error("expected \(what), found \(found)")
        }
        guard range.contains(value) else { throw error("expected \(what), found \(value)") }
        return value
    }

    /// A whole number from 0 to 2⁶⁴ − 1, such as a noise seed.
    func unsigned(what: String) throws(ScenarioError) -> UInt64 {
        guard case .scalar(let s) = node, s.style == .plain else { throw error("expected \(what), found \(found)") }
        let text = s.string.trimmingBlanks
        if let value = UInt64(text) { return value }
        if let d = Double(text), d.isFinite, d == d.rounded(), d >= 0, d < 0x1p53 { return UInt64(d) }
        throw error("expected \(what), found \(found)")
    }

    /// `true` or `false`.
    func flag() throws(ScenarioError) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain else { throw error("expected true or false, found \(found)") }
        switch s.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false, found \(found)")
        }
    }

    /// A list of exactly two finite numbers.
    func pair(what: String) throws(ScenarioError) -> Vec2 {
        guard case .sequence(let seq) = node, seq.count == 2 else { throw error("expected \(what), found \(found)") }
        let a = try element(0, seq[0]).number()
        let b = try element(1, seq[1]).number()
        return Vec2(a, b)
    }

    /// The entry named by field `key` of this mapping, looked up among `names` (a did-you-mean
    /// when unknown; an error naming the key when missing).
    func namedChoice<T>(_ key: String, kind: String, names: [String], lookup: (String) -> T?) throws(ScenarioError) -> T {
        let choices = names.joined(separator: ", ")
        guard case .mapping(let mapping) = node, let value = mapping.first(where: { $0.key.string == key })?.value else {
            throw ScenarioError(
                file: file, line: line, column: column, keyPath: "\(path).\(key)",
                message: "missing key '\(key)' (expected one of \(choices))")
        }
        let field = child(key, value)
        let name = try field.string(what: "a\(kind.first.map { "aeiou".contains($0) } == true ? "n" : "") \(kind) name (\(choices))")
        guard let found = lookup(name) else {
            throw field.error("unknown \(kind) '\(name)'\(Suggestion.hint(for: name, in: names)); expected one of \(choices)")
        }
        return found
    }

    /// The column where the text of this scalar begins (after an opening quote).
    var textColumn: Int? {
        guard let column, case .scalar(let s) = node else { return nil }
        switch s.style {
        case .singleQuoted, .doubleQuoted: return column + 1
        case .plain: return column
        default: return nil
        }
    }
}

/// The checked fields of one scenario mapping, looked up by key.
struct ScenarioFields {
    let owner: ScenarioNode
    let entries: [(key: String, value: ScenarioNode)]

    subscript(key: String) -> ScenarioNode? { entries.first { $0.key == key }?.value }

    /// The field `key`, or an error naming it as missing.
    func required(_ key: String, expected: String) throws(ScenarioError) -> ScenarioNode {
        guard let node = self[key] else {
            let path = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            throw ScenarioError(
                file: owner.file, line: owner.line, column: owner.column, keyPath: path,
                message: "missing key '\(key)' (expected \(expected))")
        }
        return node
    }
}
