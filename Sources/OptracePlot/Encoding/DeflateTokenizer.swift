/// LZ77 for DEFLATE on data that is mostly zero bytes: literals and (length, distance) matches, one block at a time.
///
/// A run of at least `zeroRunMinimum` zero bytes is found 32 and 8 bytes at a time and coded as matches at distance 1
/// (after one literal zero when the byte before is not zero); its positions are never hashed. Everything else goes
/// through a hash chain over the 32 KiB window (3-byte hashes, matches of 3…258 bytes, lazy evaluation), so shapes
/// repeated a row apart are found. Inside a match, positions whose next 3 bytes are zero are not hashed either.
///
/// Tokens are `UInt32`: a literal is its byte; a match is `1 << 31 | (length − 3) << 16 | (distance − 1)`.
struct DeflateTokenizer: ~Copyable {
    static let windowSize = 1 << 15
    static let hashBits = 15
    static let minMatch = 3
    static let maxMatch = 258
    /// Shorter zero runs go through the hash chain (e.g. the zero channels of black pixels).
    static let zeroRunMinimum = 16
    /// Candidates looked at per position, and half that once a match of `goodLength` is in hand.
    static let maxChain = 32
    static let goodLength = 8
    /// A match this long ends the search.
    static let niceLength = 128
    /// A match shorter than this is compared with the match one byte later.
    static let lazyLength = 16

    private let source: UnsafePointer<UInt8>
    private let count: Int
    /// Next byte to code.
    private(set) var position = 0
    /// Positions below this are hashed (or deliberately skipped).
    private var nextInsert = 0
    /// Most recent position for each hash (−1: none), and each position's predecessor with the same hash.
    private let head: UnsafeMutablePointer<Int32>
    private let chain: UnsafeMutablePointer<Int32>

    /// Adler-32 of the bytes coded so far.
    private(set) var adler = Adler32()

    /// The current block's tokens and symbol frequencies (end of block not counted).
    let tokens: UnsafeMutablePointer<UInt32>
    private(set) var tokenCount = 0
    let tokenCapacity: Int
    private let literalCounts: UnsafeMutablePointer<UInt32>
    private let distanceCounts: UnsafeMutablePointer<UInt32>

    /// `source` must stay valid while the tokenizer is used.
    init(source: UnsafeRawBufferPointer, blockTokens: Int) {
        // An empty buffer may have no base address; any valid pointer does for zero bytes.
        self.source = source.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        count = source.count
        head = .allocate(capacity: 1 << Self.hashBits)
        head.initialize(repeating: -1, count: 1 << Self.hashBits)
        chain = .allocate(capacity: Self.windowSize)
        chain.initialize(repeating: -1, count: Self.windowSize)
        tokenCapacity = blockTokens
        // A step of the main loop adds at most 2 tokens past the limit (a zero run: a literal, then two at its end).
        tokens = .allocate(capacity: blockTokens + 4)
        literalCounts = .allocate(capacity: DeflateSymbols.literalCount)
        literalCounts.initialize(repeating: 0, count: DeflateSymbols.literalCount)
        distanceCounts = .allocate(capacity: DeflateSymbols.distanceCount)
        distanceCounts.initialize(repeating: 0, count: DeflateSymbols.distanceCount)
    }

    deinit {
        head.deallocate()
        chain.deallocate()
        tokens.deallocate()
        literalCounts.deallocate()
        distanceCounts.deallocate()
    }

    var literalFrequencies: [UInt32] {
        Array(UnsafeBufferPointer(start: literalCounts, count: DeflateSymbols.literalCount))
    }
    var distanceFrequencies: [UInt32] {
        Array(UnsafeBufferPointer(start: distanceCounts, count: DeflateSymbols.distanceCount))
    }

    var isFinished: Bool { position >= count }

    /// Codes the next bytes into at most `tokenCapacity` tokens (fewer at the end) and returns the range they cover.
    mutating func nextBlock() -> Range<Int> {
        let start = position
        tokenCount = 0
        literalCounts.update(repeating: 0, count: DeflateSymbols.literalCount)
        distanceCounts.update(repeating: 0, count: DeflateSymbols.distanceCount)
        var i = position
        while i < count && tokenCount < tokenCapacity {
            let byte = source[i]
            if byte == 0 {
                let end = zeroRunEnd(from: i)
                if end - i >= Self.zeroRunMinimum {
                    let next = codeZeros(from: i, to: end)
                    adler.updateZeros(count: next - i)
                    i = next
                    continue
                }
            }
            if i + Self.minMatch > count {
                literal(byte)
                adler.update(byte: byte)
                i += 1
                continue
            }
            let stepStart = i
            var (length, distance) = longestMatch(at: i)
            // Lazy evaluation: a longer match one byte later wins over this one (this byte becomes a literal).
            while length >= Self.minMatch && length < Self.lazyLength && i + 1 + Self.minMatch <= count
                    && tokenCount < tokenCapacity {
                let (nextLength, nextDistance) = longestMatch(at: i + 1)
                guard nextLength > length else { break }
                literal(source[i])
                i += 1
                (length, distance) = (nextLength, nextDistance)
            }
            if length >= Self.minMatch {
                match(length: length, distance: distance)
                insert(from: i + 1, to: i + length)
                i += length
                adler.update(UnsafeRawBufferPointer(start: source + stepStart, count: i - stepStart))
            } else {
                literal(byte)
                adler.update(byte: byte)
                i += 1
            }
        }
        position = i
        return start..<i
    }

    @inline(__always)
    private mutating func literal(_ byte: UInt8) {
        tokens[tokenCount] = UInt32(byte)
        tokenCount += 1
        literalCounts[Int(byte)] &+= 1
    }

    @inline(__always)
    private mutating func match(length: Int, distance: Int) {
        tokens[tokenCount] = 1 << 31 | UInt32(length - 3) << 16 | UInt32(distance - 1)
        tokenCount += 1
        literalCounts[DeflateSymbols.length(length - 3).symbol] &+= 1
        distanceCounts[DeflateSymbols.distance(distance - 1).symbol] &+= 1
    }

    @inline(__always)
    private func word(at i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self))
    }

    /// The first non-zero byte at or after `i` (or `count`), found 32 then 8 bytes at a time.
    private func zeroRunEnd(from i: Int) -> Int {
        var p = i
        while p + 32 <= count && word(at: p) | word(at: p + 8) | word(at: p + 16) | word(at: p + 24) == 0 { p += 32 }
        while p + 8 <= count {
            let w = word(at: p)
            if w != 0 { return p + w.trailingZeroBitCount >> 3 }
            p += 8
        }
        while p < count && source[p] == 0 { p += 1 }
        return p
    }

    /// Codes zeros `i..<end` as matches at distance 1; stops early (mid-run) when the block is full.
    private mutating func codeZeros(from i: Int, to end: Int) -> Int {
        var p = i
        if p == 0 || source[p - 1] != 0 {
            literal(0)
            p += 1
        }
        while end - p >= Self.minMatch {
            if tokenCount >= tokenCapacity { return p }
            let left = end - p
            // Never leave 1 or 2 zeros that a match cannot take.
            let length = left > Self.maxMatch && left - Self.maxMatch < Self.minMatch
                ? left - Self.minMatch : min(left, Self.maxMatch)
            match(length: length, distance: 1)
            p += length
        }
        while p < end {
            literal(0)
            p += 1
        }
        return p
    }

    @inline(__always)
    private func hash(at i: Int) -> Int {
        let v = UInt32(source[i]) | UInt32(source[i + 1]) << 8 | UInt32(source[i + 2]) << 16
        return Int((v &* 0x9E37_79B1) >> UInt32(32 - Self.hashBits))
    }

    /// The longest earlier match for the bytes at `i` (length 0 when shorter than 3); hashes `i`.
    private mutating func longestMatch(at i: Int) -> (length: Int, distance: Int) {
        let h = hash(at: i)
        var candidate = Int(head[h])
        if i >= nextInsert {
            chain[i & (Self.windowSize - 1)] = head[h]
            head[h] = Int32(i)
            nextInsert = i + 1
        } else if candidate == i {
            candidate = Int(chain[i & (Self.windowSize - 1)])
        }
        let lowest = max(0, i - Self.windowSize)
        let maxLength = min(Self.maxMatch, count - i)
        var best = Self.minMatch - 1, bestDistance = 0
        var steps = Self.maxChain
        while candidate >= lowest && candidate < i && steps > 0 {
            // The byte that would make the match longer than the best so far must match first.
            if source[candidate + best] == source[i + best] {
                let length = matchLength(candidate, i, maxLength)
                if length > best {
                    best = length
                    bestDistance = i - candidate
                    if length >= Self.niceLength || length == maxLength { break }
                    if length >= Self.goodLength && steps > Self.maxChain / 2 { steps = Self.maxChain / 2 }
                }
            }
            candidate = Int(chain[candidate & (Self.windowSize - 1)])
            steps -= 1
        }
        return best >= Self.minMatch ? (best, bestDistance) : (0, 0)
    }

    /// How many bytes at `a` and `b` agree, up to `limit` (`a < b`, `b + limit ≤ count`).
    @inline(__always)
    private func matchLength(_ a: Int, _ b: Int, _ limit: Int) -> Int {
        var l = 0
        while l + 8 <= limit {
            let x = word(at: a + l) ^ word(at: b + l)
            if x != 0 { return l + x.trailingZeroBitCount >> 3 }
            l += 8
        }
        while l < limit && source[a + l] == source[b + l] { l += 1 }
        return l
    }

    /// Hashes the positions in `from..<to` not yet hashed, skipping those followed by three zeros.
    private mutating func insert(from: Int, to: Int) {
        var p = max(from, nextInsert)
        let end = min(to, count - Self.minMatch + 1)
        while p < end {
            if p + 8 <= count && word(at: p) == 0 {
                p += 6   // the 3-byte groups starting at p…p+5 are all zero
                continue
            }
            if source[p] | source[p + 1] | source[p + 2] != 0 {
                let h = hash(at: p)
                chain[p & (Self.windowSize - 1)] = head[h]
                head[h] = Int32(p)
            }
            p += 1
        }
        nextInsert = max(nextInsert, to)
    }
}
