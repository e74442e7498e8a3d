/// Fits a line of figure text to a width: wrapped at its separators onto at most a given number of lines, and
/// shortened with an ellipsis where a piece is still too wide. Measurement only, no pixels.
enum TextFit {
    /// The separator optrace puts between the parts of a subtitle (formula, start, noise).
    static let partSeparator = "   "

    /// `text` broken into at most `maxLines` lines no wider than `width`: first between parts (three spaces), then
    /// between words; the last line ends in "…" when the text does not fit.
    static func lines(_ text: String, width: Double, maxLines: Int, measure: (String) -> Double) -> [String] {
        guard measure(text) > width, maxLines > 0 else { return [text] }
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if lines.count == maxLines - 1 {
                lines.append(shortened(String(rest), width: width, measure: measure))
                break
            }
            let line = longestPrefix(rest, width: width, measure: measure)
            lines.append(shortened(String(line).trimmingTrailingSpaces, width: width, measure: measure))
            rest = rest[line.endIndex...].drop { $0 == " " }
        }
        return lines
    }

    /// `text` itself if it fits in `width`, else its longest prefix that fits followed by "…".
    static func shortened(_ text: String, width: Double, measure: (String) -> Double) -> String {
        guard measure(text) > width else { return text }
        var chars = Array(text)
        while !chars.isEmpty {
            chars.removeLast()
            let candidate = String(chars).trimmingTrailingSpaces + "…"
            if measure(candidate) <= width { return candidate }
        }
        return "…"
    }

    /// The longest prefix of `text` that ends at a part separator (else at a space) and fits in `width`; when not
    /// even the first word fits, that word alone (to be shortened).
    private static func longestPrefix(_ text: Substring, width: Double, measure: (String) -> Double) -> Substring {
        if measure(String(text)) <= width { return text }
        var partEnds: [String.Index] = [], wordEnds: [String.Index] = []
        var i = text.startIndex
        while i < text.endIndex {
            if text[i...].hasPrefix(partSeparator) { partEnds.append(i) }
            if text[i] == " " { wordEnds.append(i) }
            i = text.index(after: i)
        }
        for ends in [partEnds, wordEnds] {
            if let end = ends.last(where: { measure(String(text[..<$0])) <= width }), end > text.startIndex {
                return text[..<end]
            }
        }
        return text[..<(wordEnds.first ?? text.endIndex)]
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
