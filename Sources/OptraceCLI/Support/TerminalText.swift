/// Untrusted text made safe for a terminal: control characters and bidirectional overrides written as visible escapes.
///
/// A scenario's name, title or racer names, a path or a key from the command line can hold ESC
/// sequences, bells, carriage returns or line breaks. Written raw they would retitle the window,
/// clear the screen or split one error into several lines; escaped they read as `\e]0;x\a`.
public enum TerminalText {
    /// `text` with every C0/C1 control character (and DEL, and the bidirectional overrides)
    /// escaped; line breaks and tabs are kept when `keepingLines` is true.
    public static func escaped(_ text: String, keepingLines: Bool) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLines: keepingLines) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingLines: keepingLines) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\u{1B}": out += "\\e"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// `text` as exactly one line: every control character escaped, line breaks included.
    public static func oneLine(_ text: String) -> String { escaped(text, keepingLines: false) }

    private static func needsEscape(_ s: Unicode.Scalar, keepingLines: Bool) -> Bool {
        switch s.value {
        case 0x0A, 0x09: return !keepingLines
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
