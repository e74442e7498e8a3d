import OptraceCore

/// Seeded fuzz inputs: mutations of a seed corpus (byte flips, splices, dictionary tokens,
/// deep nesting, long runs) and freshly generated expressions, reproducible from the seed.
public struct FuzzInputGenerator {
    private let words: SplitMix64
    private var counter: UInt64 = 0
    private let corpus: [[UInt8]]
    private let dictionary: [[UInt8]]

    public init(seed: UInt64, corpus: [[UInt8]], dictionary: [String]) {
        self.words = SplitMix64(state: SplitMix64.mix(seed))
        self.corpus = corpus.isEmpty ? [[]] : corpus
        self.dictionary = dictionary.map { Array($0.utf8) }
    }

    private mutating func next() -> UInt64 {
        defer { counter &+= 1 }
        return words.word(counter)
    }

    private mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    /// The next input.
    public mutating func input() -> [UInt8] {
        var bytes = corpus[below(corpus.count)]
        if below(8) == 0 { return Array(expression(depth: 0).utf8) }
        let rounds = 1 + below(6)
        for _ in 0..<rounds { mutate(&bytes) }
        return bytes
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let at = below(bytes.count + 1)
        switch below(9) {
        case 0 where !bytes.isEmpty:
            bytes[min(at, bytes.count - 1)] ^= UInt8(1 << below(8))
        case 1 where !bytes.isEmpty:
            bytes.remove(at: min(at, bytes.count - 1))
        case 2:
            bytes.insert(UInt8(truncatingIfNeeded: next()), at: at)
        case 3, 4:
            bytes.insert(contentsOf: dictionary[below(dictionary.count)], at: at)
        case 5:
            let other = corpus[below(corpus.count)]
            let from = below(other.count + 1)
            bytes.insert(contentsOf: other[from..<min(other.count, from + 1 + below(64))], at: at)
        case 6:
            let open: [[UInt8]] = [Array("(".utf8), Array("[".utf8), Array("{".utf8), Array("- ".utf8), Array("-".utf8), Array("sin(".utf8)]
            let unit = open[below(open.count)]
            bytes.insert(contentsOf: Array([[UInt8]](repeating: unit, count: 1 + below(400)).joined()), at: at)
        case 7 where !bytes.isEmpty:
            bytes.removeSubrange(min(at, bytes.count - 1)..<min(bytes.count, at + 1 + below(32)))
        default:
            let digits = Array(["1e308", "-0", "1e-400", ".nan", ".inf", "9999999999999999999999", "0x10", "1e", "."][below(9)].utf8)
            bytes.insert(contentsOf: digits, at: at)
        }
    }

    private mutating func expression(depth: Int) -> String {
        if depth > 6 || below(4) == 0 {
            return ["x", "y", "pi", "e", "0", "1.5", "1e-3", "-2", "w"][below(9)]
        }
        switch below(5) {
        case 0: return "-" + expression(depth: depth + 1)
        case 1: return "(" + expression(depth: depth + 1) + ")"
        case 2:
            let f = ["exp", "log", "sqrt", "sin", "cos", "tan", "tanh", "sigmoid", "abs"][below(9)]
            return f + "(" + expression(depth: depth + 1) + ")"
        case 3: return ["min", "max"][below(2)] + "(" + expression(depth: depth + 1) + ", " + expression(depth: depth + 1) + ")"
        default:
            return expression(depth: depth + 1) + ["+", "-", "*", "/", "^"][below(5)] + expression(depth: depth + 1)
        }
    }
}
