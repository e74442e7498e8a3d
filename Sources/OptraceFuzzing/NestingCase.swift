/// A well-formed YAML document built from fuzz bytes, with the depth the composer will reach in it, known by construction.
///
/// The bytes choose: decoys that must not count (quotes and brackets in plain, quoted and block
/// scalars, brackets in comments), an anchored node (a flow nest of height h, or a chain of h
/// aliases each one level higher than the last), and a main spine of indented block mappings,
/// compact `- ` and `? ` levels, then flow levels (`[`, `{k: `, `[` on its own line, `[a"b, `,
/// `[it's, `), ending in a scalar or an alias to the anchored node. Depths range from a few
/// levels to several thousand, many of them near the limit.
public struct NestingCase: Sendable {
    public let text: String
    /// The deepest nesting of mappings and sequences once composed (the root mapping is level 1;
    /// an alias reaches as deep as its own level plus its node's height).
    public let depth: Int

    private struct Bytes {
        let bytes: [UInt8]
        var at = 0
        mutating func next() -> Int {
            defer { at += 1 }
            return at < bytes.count ? Int(bytes[at]) : (at * 37) & 0xFF
        }
        /// A count: mostly near `limit`, sometimes small, sometimes far beyond it.
        mutating func count(limit: Int) -> Int {
            let wide = next() << 8 | next()
            switch next() % 4 {
            case 0: return limit - 6 + wide % 13
            case 1: return wide % (limit + 1)
            case 2: return limit + 1 + wide % 300
            default: return wide % 5000
            }
        }
    }

    public init(recipe: [UInt8], limit: Int = 64) {
        var b = Bytes(bytes: recipe)
        var lines: [String] = []
        let decoys = b.next()
        let brackets = String(repeating: "[", count: 1 + b.next() % 200)
        if decoys & 1 != 0 { lines.append("d1: a\"b \(brackets)") }
        if decoys & 2 != 0 { lines.append("d2: it's \(brackets.replacingOccurrences(of: "[", with: "{"))") }
        if decoys & 4 != 0 { lines.append("# \(brackets) - - - ? ? {") }
        if decoys & 8 != 0 { lines.append("d3: |\n  \(brackets)\n  - - - ? ? {{") }
        if decoys & 16 != 0 { lines.append("d4: '\(brackets)'\nd5: \"it's \(brackets)\"") }

        var depth = 1
        var anchor: (name: String, height: Int)?
        switch b.next() % 3 {
        case 1:
            let h = max(1, b.count(limit: limit))
            lines.append("anchored: &A " + String(repeating: "[", count: h) + "x" + String(repeating: "]", count: h))
            anchor = ("A", h)
        case 2:
            let h = max(1, min(b.count(limit: limit), 3000))
            lines.append("l0: &l0 [x]")
            for i in 1..<h { lines.append("l\(i): &l\(i) [*l\(i - 1)]") }
            anchor = ("l\(h - 1)", h)
        default:
            break
        }
        if let anchor { depth = max(depth, 1 + anchor.height) }

        // The main spine: block mappings (indented, at most 20), then compact block levels, then flow levels.
        let levels = b.count(limit: limit)
        let mappings = min(levels, b.next() % 21)
        let compact = min(levels - mappings, b.next() % 2 == 0 ? b.count(limit: limit) : b.next() % 8)
        let flow = levels - mappings - compact
        var main = "main:"
        for j in 0..<mappings { main += "\n" + String(repeating: " ", count: j + 1) + "k\(j):" }
        let indent = String(repeating: " ", count: mappings + 1)
        let alias = anchor != nil && b.next() % 2 == 0
        let leaf = alias ? "*\(anchor!.name)" : "x"
        if compact + flow == 0 {
            main += mappings == 0 ? " \(leaf)" : "\n\(indent)\(leaf)"
        } else {
            main += "\n\(indent)"
            for _ in 0..<compact { main += b.next() % 2 == 0 ? "- " : "? " }
            var closers: [String] = []
            for _ in 0..<flow {
                switch b.next() % 5 {
                case 0: main += "{k: "; closers.append("}")
                case 1: main += "[\n\(indent) "; closers.append("\n\(indent) ]")
                case 2: main += "[a\"b, "; closers.append("]")
                case 3: main += "[it's, "; closers.append("]")
                default: main += "["; closers.append("]")
                }
            }
            main += leaf + closers.reversed().joined()
        }
        lines.append(main)
        depth = max(depth, 1 + levels + (alias ? anchor!.height : 0))
        self.text = lines.joined(separator: "\n") + "\n"
        self.depth = depth
    }
}
