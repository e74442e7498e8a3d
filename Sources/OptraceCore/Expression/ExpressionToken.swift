/// One lexical token of a formula with the column where it starts.
struct ExpressionToken: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case identifier(String)
        case symbol(Character)
        case end
    }

    var kind: Kind
    var text: String
    var column: Int

    /// How the token is named in an error message.
    var quoted: String {
        if case .end = kind { return "end of input" }
        return "'\(text)'"
    }

    func isSymbol(_ c: Character) -> Bool {
        if case .symbol(c) = kind { return true }
        return false
    }

    /// Splits `source` into tokens; the last one is `.end`.
    static func tokenize(_ chars: [Character]) throws(ExpressionError) -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
                continue
            }
            let column = i + 1
            if c.isASCII && (c.isNumber || c == ".") {
                let start = i
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                if i < chars.count, chars[i] == "." {
                    i += 1
                    while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                }
                if i < chars.count, chars[i] == "e" || chars[i] == "E" {
                    var j = i + 1
                    if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
                    if j < chars.count, chars[j].isASCII, chars[j].isNumber {
                        i = j
                        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                    } else {
                        throw ExpressionError(
                            message: "malformed number '\(String(chars[start..<j]))': exponent needs digits",
                            column: column)
                    }
                }
                let text = String(chars[start..<i])
                if text == "." {
                    throw ExpressionError(message: "unexpected character '.'", column: column)
                }
                if i < chars.count, chars[i] == "." {
                    throw ExpressionError(message: "malformed number '\(text).'", column: i + 1)
                }
                guard let value = Double(text) else {
                    throw ExpressionError(message: "malformed number '\(text)'", column: column)
                }
                guard value.isFinite else {
                    throw ExpressionError(message: "number '\(text)' is not finite (too large for float64)", column: column)
                }
                tokens.append(ExpressionToken(kind: .number(value), text: text, column: column))
                continue
            }
            if c.isASCII && (c.isLetter || c == "_") {
                let start = i
                while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
                let text = String(chars[start..<i])
                tokens.append(ExpressionToken(kind: .identifier(text), text: text, column: column))
                continue
            }
            if "+-*/^(),".contains(c) {
                tokens.append(ExpressionToken(kind: .symbol(c), text: String(c), column: column))
                i += 1
                continue
            }
            throw ExpressionError(message: "unexpected character '\(c)'", column: column)
        }
        tokens.append(ExpressionToken(kind: .end, text: "", column: chars.count + 1))
        return tokens
    }
}
