/// DEFLATE's alphabets (RFC 1951 §3.2.5–3.2.7): length and distance symbols with their extra bits, the fixed code
/// and the order of the code-length code lengths.
enum DeflateSymbols {
    /// Literal/length symbols (0…255 literals, 256 end of block, 257…285 lengths).
    static let literalCount = 286
    static let endOfBlock = 256
    static let distanceCount = 30
    static let codeLengthCount = 19
    /// Longest literal/length and distance code, and longest code-length code.
    static let maxCodeLength = 15
    static let maxCodeLengthCodeLength = 7
    /// The order in which a dynamic block header lists the code-length code lengths.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Symbol, extra-bit count and extra-bit value of a match length, given as `length − 3` (0…255).
    @inline(__always)
    static func length(_ l: Int) -> (symbol: Int, extraBits: Int, extra: Int) {
        if l < 8 { return (257 + l, 0, 0) }
        if l == 255 { return (285, 0, 0) }
        let top = Int.bitWidth - 1 - l.leadingZeroBitCount   // 3…7
        let extraBits = top - 2
        return (257 + 4 * (top - 1) + ((l >> extraBits) & 3), extraBits, l & ((1 << extraBits) - 1))
    }

    /// Symbol, extra-bit count and extra-bit value of a distance, given as `distance − 1` (0…32767).
    @inline(__always)
    static func distance(_ d: Int) -> (symbol: Int, extraBits: Int, extra: Int) {
        if d < 4 { return (d, 0, 0) }
        let top = Int.bitWidth - 1 - d.leadingZeroBitCount   // 2…14
        let extraBits = top - 1
        return (2 * top + ((d >> extraBits) & 1), extraBits, d & ((1 << extraBits) - 1))
    }

    /// Extra bits that follow a literal/length symbol.
    static func lengthExtraBits(_ symbol: Int) -> Int {
        (265...284).contains(symbol) ? (symbol - 261) / 4 : 0
    }

    /// Extra bits that follow a distance symbol.
    static func distanceExtraBits(_ symbol: Int) -> Int { symbol < 4 ? 0 : symbol / 2 - 1 }

    /// Extra bits that follow a code-length symbol (16: repeat 3–6, 17: 3–10 zeros, 18: 11–138 zeros).
    static func codeLengthExtraBits(_ symbol: Int) -> Int {
        switch symbol {
        case 16: return 2
        case 17: return 3
        case 18: return 7
        default: return 0
        }
    }

    /// The fixed literal/length code's lengths (symbols 0…287).
    static let fixedLiteralLengths: [UInt8] =
        [UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112)
        + [UInt8](repeating: 7, count: 24) + [UInt8](repeating: 8, count: 8)
    static let fixedDistanceLengths = [UInt8](repeating: 5, count: distanceCount)
    static let fixedLiteralCodes = HuffmanCode.codes(fixedLiteralLengths)
    static let fixedDistanceCodes = HuffmanCode.codes(fixedDistanceLengths)
}
