/// Refuses YAML nested too deeply before it reaches the YAML library, whose loader recurses once per level.
///
/// The scan is conservative and cheap: block nesting from indentation (a stack of indents)
/// plus compact `- ` sequence markers, and flow nesting from `[` and `{` outside quotes and
/// comments. A scenario needs about six levels; the limit is far above that.
enum YAMLNestingGuard {
    static let maximumDepth = 64

    /// The 1-based line and column where nesting first exceeds `maximumDepth`, if it does.
    static func firstTooDeep(_ text: String) -> (line: Int, column: Int)? {
        var indents: [Int] = []
        var flow = 0
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let chars = Array(line.unicodeScalars)
            var i = 0
            if flow == 0 {
                while i < chars.count && chars[i] == " " { i += 1 }
                if i == chars.count || chars[i] == "#" || chars[i] == "\r" { continue }
                while let top = indents.last, top >= i { indents.removeLast() }
                indents.append(i)
                var markers = 0
                while i + 1 < chars.count && chars[i] == "-" && (chars[i + 1] == " " || chars[i + 1] == "\t") {
                    markers += 1
                    i += 2
                    while i < chars.count && chars[i] == " " { i += 1 }
                }
                if indents.count + markers > maximumDepth { return (lineNumber, i + 1) }
            }
            var quote: Unicode.Scalar?
            var previous: Unicode.Scalar = " "
            while i < chars.count {
                let c = chars[i]
                if let q = quote {
                    if q == "\"" && c == "\\" { i += 2; continue }
                    if c == q {
                        if q == "'" && i + 1 < chars.count && chars[i + 1] == "'" { i += 2; continue }
                        quote = nil
                    }
                } else if c == "#" && (previous == " " || previous == "\t") {
                    break
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == "[" || c == "{" {
                    flow += 1
                    if indents.count + flow > maximumDepth { return (lineNumber, i + 1) }
                } else if c == "]" || c == "}" {
                    flow = max(0, flow - 1)
                }
                previous = c
                i += 1
            }
        }
        return nil
    }
}
