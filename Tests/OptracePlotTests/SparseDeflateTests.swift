import CPNG
import Foundation
import Testing
import OptraceCore
@testable import OptracePlot

/// SparseDeflate's zlib streams, checked by zlib's own `uncompress`.
@Suite struct SparseDeflateTests {
    /// Sequential SplitMix64 (optrace's noise generator): a fixed-seed generator, so the inputs are the same on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= SplitMix64.gamma
            return SplitMix64.mix(state)
        }
        mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var g = Generator(state: seed)
        return (0..<count).map { _ in g.byte() }
    }

    /// Filtered rows like an APNG delta's: a zero filter byte, then mostly transparent pixels with a few opaque ones.
    static func sparseRows(width: Int, height: Int, changed: Int, seed: UInt64) -> [UInt8] {
        var g = Generator(state: seed)
        let stride = 1 + 4 * width
        var rows = [UInt8](repeating: 0, count: stride * height)
        for _ in 0..<changed {
            let i = g.below(height) * stride + 1 + 4 * g.below(width)
            rows[i] = g.byte(); rows[i + 1] = g.byte(); rows[i + 2] = g.byte(); rows[i + 3] = 255
        }
        return rows
    }

    /// Rows of zeros with the same run of random opaque pixels at the same place on each of `height` rows (like a
    /// marker drawn on consecutive rows): incompressible on its own, it repeats at distance = row length.
    static func repeatedShapeRows(width: Int, height: Int, shape: Int, seed: UInt64) -> [UInt8] {
        var g = Generator(state: seed)
        let stride = 1 + 4 * width
        var pixels: [UInt8] = []
        for _ in 0..<shape { pixels += [g.byte(), g.byte(), g.byte(), 255] }
        var rows = [UInt8](repeating: 0, count: stride * height)
        for y in 0..<height {
            let i = y * stride + 1 + 4 * (width / 3)
            rows.replaceSubrange(i..<(i + pixels.count), with: pixels)
        }
        return rows
    }

    static func inflate(_ stream: [UInt8], expectedCount: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: max(1, expectedCount))
        var length = uLongf(out.count)
        let status = out.withUnsafeMutableBufferPointer { o in
            stream.withUnsafeBufferPointer { s in uncompress(o.baseAddress, &length, s.baseAddress, uLong(s.count)) }
        }
        guard status == Z_OK else { return nil }
        return Array(out.prefix(Int(length)))
    }

    static func zlibLevel6Size(_ input: [UInt8]) -> Int {
        var length = compressBound(uLong(input.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        _ = out.withUnsafeMutableBufferPointer { o in
            input.withUnsafeBufferPointer { i in compress2(o.baseAddress, &length, i.baseAddress, uLong(i.count), 6) }
        }
        return Int(length)
    }

    func expectRoundTrip(_ input: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let stream = SparseDeflate.zlib(input)
        // Header: deflate, 32 KiB window, FCHECK.
        #expect(stream.count >= 6 && stream[0] == 0x78 && (Int(stream[0]) << 8 | Int(stream[1])) % 31 == 0,
                "\(label): header", sourceLocation: sourceLocation)
        let decoded = Self.inflate(stream, expectedCount: input.count)
        #expect(decoded == input, "\(label): round trip", sourceLocation: sourceLocation)
        #expect(SparseDeflate.zlib(input) == stream, "\(label): deterministic", sourceLocation: sourceLocation)
    }

    @Test func emptyInput() {
        expectRoundTrip([], "empty")
        #expect(SparseDeflate.zlib([]).count <= 8)
    }

    @Test func allZeros() {
        for count in [1, 2, 3, 4, 7, 8, 9, 16, 17, 258, 259, 260, 261, 1000, 32768, 100_000, 1 << 20] {
            expectRoundTrip([UInt8](repeating: 0, count: count), "\(count) zeros")
        }
        // Runs cost about two bits per 258 bytes.
        #expect(SparseDeflate.zlib([UInt8](repeating: 0, count: 1 << 20)).count < 1100)
    }

    @Test func randomBytesAreStored() {
        for count in [1, 5, 100, 65535, 65536, 200_000] {
            let input = Self.randomBytes(count, seed: UInt64(count))
            expectRoundTrip(input, "\(count) random bytes")
            // Stored blocks: 5 bytes per block, plus 2 header and 4 checksum bytes.
            let blocks = count / SparseDeflate.blockTokens + 1
            #expect(SparseDeflate.zlib(input).count <= count + 5 * blocks + 6, "\(count) random bytes")
        }
    }

    @Test func sparseRowsLikeADelta() {
        for (width, height, changed) in [(1, 1, 0), (1, 1, 1), (530, 333, 1500), (64, 900, 200), (800, 600, 20_000)] {
            let input = Self.sparseRows(width: width, height: height, changed: changed, seed: UInt64(width * height))
            expectRoundTrip(input, "\(width)×\(height), \(changed) pixels")
        }
        // Random pixels do not compress below their own bytes, but the zeros around them vanish: no worse than zlib.
        let input = Self.sparseRows(width: 530, height: 333, changed: 1500, seed: 7)
        #expect(SparseDeflate.zlib(input).count <= Self.zlibLevel6Size(input) * 105 / 100)
    }

    @Test func longRunsBeyondTheWindow() {
        // Zero runs longer than 32 KiB between short bursts of data.
        var g = Generator(state: 3)
        var input: [UInt8] = []
        for k in 0..<6 {
            input += [UInt8](repeating: 0, count: 40_000 + 7 * k)
            input += (0..<(5 + k * 40)).map { _ in g.byte() }
            input += [UInt8](repeating: 0xAB, count: 50_000)
        }
        expectRoundTrip(input, "long runs")
        #expect(SparseDeflate.zlib(input).count < 3000)
    }

    @Test func repeatsAtTheRowDistanceAreFound() {
        let input = Self.repeatedShapeRows(width: 530, height: 333, shape: 20, seed: 4)
        expectRoundTrip(input, "repeated shape")
        let size = SparseDeflate.zlib(input).count
        // 333 rows of 80 random bytes: one copy's worth plus a match and the zero run's codes (a few bytes) a row,
        // and no worse than zlib.
        #expect(size < 80 + 333 * 6)
        #expect(size <= Self.zlibLevel6Size(input) * 105 / 100)
    }

    @Test func sizesAcrossBlockBoundaries() {
        // Text-like bytes (few symbols, short repeats) make one token per byte or so: several blocks.
        var g = Generator(state: 11)
        let alphabet = Array("the quick brown fox jumps over a lazy dog, 0123456789".utf8)
        let base = (0..<200_000).map { _ in alphabet[g.below(alphabet.count)] }
        let tokens = SparseDeflate.blockTokens
        for count in [tokens - 1, tokens, tokens + 1, 3 * tokens + 17, base.count] {
            expectRoundTrip(Array(base.prefix(count)), "\(count) text bytes")
        }
        // Mixed: dense random data, zero runs and repeats, across block boundaries.
        var mixed: [UInt8] = []
        for k in 0..<40 {
            mixed += Self.randomBytes(1000 + 37 * k, seed: UInt64(k))
            mixed += [UInt8](repeating: 0, count: 3000 * (k % 5))
            mixed += mixed.suffix(700)
            mixed += [0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255]
        }
        expectRoundTrip(mixed, "mixed")
    }

    @Test func adler32MatchesZlib() {
        let inputs: [[UInt8]] = [
            [], [0], [1], Array("Wikipedia".utf8),
            [UInt8](repeating: 0, count: 1 << 21), [UInt8](repeating: 255, count: 1 << 21),
            Self.randomBytes(100_003, seed: 5),
            Self.sparseRows(width: 530, height: 333, changed: 1500, seed: 9),
        ]
        for input in inputs {
            let expected = input.withUnsafeBufferPointer { UInt32(adler32(1, $0.baseAddress, uInt($0.count))) }
            #expect(Adler32.checksum(input) == expected, "\(input.count) bytes")
        }
        #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
        // Updating in pieces is the same as at once.
        let input = Self.randomBytes(10_000, seed: 2) + [UInt8](repeating: 0, count: 9_999)
        var adler = Adler32()
        input.withUnsafeBytes { raw in
            for range in [0..<1, 1..<4000, 4000..<12_345, 12_345..<input.count] {
                adler.update(UnsafeRawBufferPointer(rebasing: raw[range]))
            }
        }
        #expect(adler.value == Adler32.checksum(input))
        // Zero runs added by count, across several reductions.
        let head = Self.randomBytes(3000, seed: 8), tail = Self.randomBytes(70_000, seed: 9)
        var sparse = Adler32()
        head.withUnsafeBytes { sparse.update($0) }
        sparse.updateZeros(count: 5_000_000)
        tail.withUnsafeBytes { sparse.update($0) }
        let dense = head + [UInt8](repeating: 0, count: 5_000_000) + tail
        #expect(sparse.value == dense.withUnsafeBufferPointer { UInt32(adler32(1, $0.baseAddress, uInt($0.count))) })
    }

    @Test func deltaFramesAreTheirScanlinesCompressed() throws {
        let a = EncodingTests.pattern(width: 48, height: 32, seed: 1)
        let b = EncodingTests.pattern(width: 48, height: 32, seed: 4)
        let delta = FrameDelta.between(a, b)
        #expect(delta.blendOver && delta.width < 48)
        #expect(delta.scanlines.count == delta.scanlineLength * delta.height)
        #expect((0..<delta.height).allSatisfy { delta.scanlines[$0 * delta.scanlineLength] == 0 })
        // Changed pixels carry the new frame's colour; the others are transparent zeros.
        let straight = delta.straightRGBA, next = b.straightRGBA(), old = a.straightRGBA()
        #expect(straight.count == 4 * delta.width * delta.height)
        for y in 0..<delta.height {
            for x in 0..<delta.width {
                let i = 4 * (y * delta.width + x), j = 4 * ((delta.y + y) * 48 + delta.x + x)
                let changed = next[j..<(j + 4)] != old[j..<(j + 4)]
                #expect(Array(straight[i..<(i + 4)]) == (changed ? Array(next[j..<(j + 4)]) : [0, 0, 0, 0]))
            }
        }
        let frame = EncodedFrame.encode(delta)
        #expect(frame.payloads.count == 1)
        #expect(Self.inflate(frame.payloads[0], expectedCount: delta.scanlines.count) == delta.scanlines)
        // The IHDR is the one libpng writes for the same rectangle.
        #expect(frame.header == (try EncodedFrame.encode(delta, options: .apngKeyframe)).header)
    }

    /// Kraft sum of `lengths` as a fraction of 2^15 (2^15 means a complete code).
    static func kraft(_ lengths: [UInt8]) -> Int {
        lengths.reduce(0) { $0 + ($1 == 0 ? 0 : 1 << (15 - Int($1))) }
    }

    @Test func codeLengthsRespectTheLimits() {
        // Fibonacci frequencies would need codes as long as the alphabet without a limit.
        var fibonacci: [UInt32] = [1, 1]
        while fibonacci.count < 286 { fibonacci.append(min(fibonacci[fibonacci.count - 1] &+ fibonacci[fibonacci.count - 2], 1 << 30)) }
        let cases: [([UInt32], Int)] = [
            (fibonacci, 15), (Array(fibonacci.prefix(30)), 15), (Array(fibonacci.prefix(19)), 7),
            ((0..<286).map { UInt32(1) << UInt32(min($0, 30)) }, 15),
            ([UInt32](repeating: 1, count: 286), 15), ([5, 0, 0, 9], 15), ([0, 0, 3], 7),
            ((0..<19).map { $0 == 18 ? 100_000 : 1 }, 7),
        ]
        for (frequencies, limit) in cases {
            let lengths = HuffmanCode.lengths(frequencies, limit: limit)
            let used = frequencies.filter { $0 > 0 }.count
            #expect(lengths.allSatisfy { $0 <= limit })
            #expect(zip(frequencies, lengths).allSatisfy { ($0 > 0) == ($1 > 0) })
            // Complete prefix codes (one symbol: a single 1-bit code).
            #expect(Self.kraft(lengths) == (used == 1 ? 1 << 14 : 1 << 15), "\(frequencies.count) symbols, limit \(limit)")
        }
        // Unlimited, the Fibonacci case is a chain: the limit must actually bind.
        #expect(HuffmanCode.lengths(Array(fibonacci.prefix(30)), limit: 15).max() == 15)
        // Without pressure from the limit the result is an ordinary Huffman code (here: 1, 2, 3, 3 bits).
        #expect(HuffmanCode.lengths([10, 5, 2, 2], limit: 15) == [1, 2, 3, 3])
    }

    @Test func packageMergeMatchesHuffmanWhenTheLimitDoesNotBind() {
        // Both are optimal, so where the Huffman tree fits in 15 bits the total cost is the same.
        var g = Generator(state: 21)
        var compared = 0
        for _ in 0..<200 {
            let n = 2 + g.below(285)
            let weights = (0..<n).map { _ in UInt64(1 + g.below(1 << g.below(9))) }.sorted()
            let huffman = HuffmanCode.huffmanDepths(weights)
            guard huffman.max()! <= 15 else { continue }
            let merged = HuffmanCode.packageMerge(weights, limit: 15)
            let cost = { (lengths: [Int]) in zip(weights, lengths).reduce(0) { $0 + $1.0 * UInt64($1.1) } }
            #expect(cost(merged) == cost(huffman))
            compared += 1
        }
        #expect(compared > 100)
    }

    @Test func skewedDataRoundTrips() {
        // Literal frequencies following a Fibonacci-like progression, so the limit of 15 bits binds in the stream.
        var input: [UInt8] = []
        var g = Generator(state: 17)
        var count = 1
        var previous = 1
        for symbol in 0..<40 {
            for _ in 0..<min(count, 10_000) { input.append(UInt8(symbol * 6 + 1)) }
            (count, previous) = (count + previous, count)
        }
        // Shuffle so that matches do not swallow the runs.
        for i in stride(from: input.count - 1, to: 0, by: -1) { input.swapAt(i, g.below(i + 1)) }
        expectRoundTrip(input, "skewed")
    }

    @Test func codeLengthRunsCoverAllRepeatCodes() {
        let lengths: [UInt8] = [3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0] + [UInt8](repeating: 0, count: 150) + [7, 7, 5, 5, 5, 5]
        let runs = DeflateBlockWriter.runLengthCoded(lengths)
        var decoded: [UInt8] = []
        for r in runs {
            switch r.symbol {
            case 16: decoded += [UInt8](repeating: decoded.last!, count: Int(r.extra) + 3)
            case 17: decoded += [UInt8](repeating: 0, count: Int(r.extra) + 3)
            case 18: decoded += [UInt8](repeating: 0, count: Int(r.extra) + 11)
            default: decoded.append(r.symbol)
            }
        }
        #expect(decoded == lengths)
        #expect(Set(runs.map(\.symbol)).isSuperset(of: [16, 18]))
    }
}
