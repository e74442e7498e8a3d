import CYaml

/// Checks a scenario's YAML on libyaml's event stream before it is composed into a tree: nesting depth and tags.
///
/// The composer recurses once per level, so nesting is counted here on the events the composer
/// will consume, with libyaml's parser (a state machine with explicit stacks, no recursion):
/// a mapping or sequence start opens a level, its end closes it, and an alias stands for its
/// anchored node, so it reaches as deep as the alias's own depth plus that node's height.
/// Tags are refused: scenario values are typed by how they are written (see `ScenarioNode`).
/// Cost is linear in the text. The pass stops at the end of the first document, which is all
/// the composer reads before it refuses a second one.
enum YAMLEventCheck {
    /// The deepest nesting of mappings and sequences accepted (a scenario needs about six levels).
    static let maximumDepth = 64

    /// The standard YAML 1.2 core schema tags, as libyaml expands them.
    static let coreTags: Set<String> = Set(["str", "int", "float", "bool", "null", "map", "seq"].map { "tag:yaml.org,2002:" + $0 })

    /// What the pass found wrong.
    enum Problem: Equatable {
        /// A YAML syntax error (`kind` is libyaml's scanner, parser or reader).
        case syntax(kind: String, context: String?, problem: String, line: Int, column: Int, offset: Int)
        /// Nesting deeper than `maximumDepth`; `alias` names the alias whose expansion goes too deep.
        case tooDeep(line: Int, column: Int, alias: String?)
        /// A tag on a node, at its key path.
        case tag(String, keyPath: String, line: Int, column: Int)
    }

    /// One open mapping or sequence.
    private struct Level {
        let isMapping: Bool
        let anchor: String?
        /// The height of the highest child so far (a scalar is 0, a collection 1 + its highest child).
        var highestChild = 0
        /// Children completed (for a mapping, keys and values both count).
        var children = 0
        /// The text of the current key, for key paths.
        var key = "?"
    }

    /// The first problem in `yaml`, if any.
    static func firstProblem(_ yaml: String) -> Problem? {
        var text = yaml
        return text.withUTF8 { bytes in scan(bytes) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        // libyaml never reads past `count` bytes; an empty text still needs a valid pointer.
        var empty: UInt8 = 0
        if let base = bytes.baseAddress {
            yaml_parser_set_input_string(parser, base, bytes.count)
        } else {
            yaml_parser_set_input_string(parser, &empty, 0)
        }

        var levels: [Level] = []
        var heights: [String: Int] = [:]
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { return syntaxProblem(parser.pointee) }
            defer { yaml_event_delete(&event) }
            let line = event.start_mark.line + 1
            let column = event.start_mark.column + 1
            switch event.type {
            case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
                return nil
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor) ?? ""
                let height = heights[name] ?? 0
                if levels.count + height > maximumDepth { return .tooDeep(line: line, column: column, alias: name) }
                complete(&levels, height: height, key: nil)
            case YAML_SCALAR_EVENT:
                if let tag = string(event.data.scalar.tag) {
                    return .tag(tag, keyPath: keyPath(levels, scalar: event), line: line, column: column)
                }
                if let anchor = string(event.data.scalar.anchor) { heights[anchor] = 0 }
                complete(&levels, height: 0, key: isKey(levels) ? scalarText(event) : nil)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
                if let tag = string(tag) { return .tag(tag, keyPath: keyPath(levels, scalar: nil), line: line, column: column) }
                if levels.count + 1 > maximumDepth { return .tooDeep(line: line, column: column, alias: nil) }
                let anchor = string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                levels.append(Level(isMapping: isMapping, anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let level = levels.popLast() else { continue }
                let height = 1 + level.highestChild
                if let anchor = level.anchor { heights[anchor] = height }
                complete(&levels, height: height, key: nil)
            default:
                continue
            }
        }
    }

    /// Whether the next node completes a key of the innermost mapping.
    private static func isKey(_ levels: [Level]) -> Bool {
        guard let top = levels.last else { return false }
        return top.isMapping && top.children % 2 == 0
    }

    /// Records a finished child of height `height` in the innermost level.
    private static func complete(_ levels: inout [Level], height: Int, key: String?) {
        guard !levels.isEmpty else { return }
        let top = levels.count - 1
        if levels[top].isMapping && levels[top].children % 2 == 0 { levels[top].key = key ?? "?" }
        levels[top].highestChild = max(levels[top].highestChild, height)
        levels[top].children += 1
    }

    /// The key path of the node about to complete (`racers[1].lr`); a scalar key names itself.
    private static func keyPath(_ levels: [Level], scalar: yaml_event_t?) -> String {
        var path = ""
        for (i, level) in levels.enumerated() {
            if level.isMapping {
                let isLast = i == levels.count - 1
                let key = isLast && level.children % 2 == 0 ? (scalar.map(scalarText) ?? "?") : level.key
                path += path.isEmpty ? key : ".\(key)"
            } else {
                path += "[\(level.children)]"
            }
        }
        return path
    }

    private static func scalarText(_ event: yaml_event_t) -> String {
        guard let value = event.data.scalar.value else { return "" }
        return String(decoding: UnsafeBufferPointer(start: value, count: event.data.scalar.length), as: UTF8.self)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func syntaxProblem(_ parser: yaml_parser_t) -> Problem {
        let kind: String
        switch parser.error {
        case YAML_READER_ERROR: kind = "reader"
        case YAML_SCANNER_ERROR: kind = "scanner"
        case YAML_MEMORY_ERROR: kind = "memory"
        default: kind = "parser"
        }
        return .syntax(
            kind: kind, context: parser.context.map { String(cString: $0) },
            problem: parser.problem.map { String(cString: $0) } ?? "unknown problem",
            line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1, offset: parser.problem_offset)
    }

    /// `tag` as written with the standard `!!` shorthand where it applies.
    static func shorthand(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}
