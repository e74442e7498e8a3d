/// Writes one DEFLATE block of tokens as whichever of dynamic Huffman, fixed Huffman or stored is smallest.
enum DeflateBlockWriter {
    /// Writes the block for `tokens`, which code exactly the bytes `raw` (needed if stored wins).
    /// `literalFrequencies` and `distanceFrequencies` count the tokens' symbols, end of block excluded.
    static func write(tokens: UnsafeBufferPointer<UInt32>, literalFrequencies: [UInt32], distanceFrequencies: [UInt32],
                      raw: UnsafeRawBufferPointer, final: Bool, into out: inout BitWriter) {
        var literalFrequencies = literalFrequencies
        literalFrequencies[DeflateSymbols.endOfBlock] = 1

        // Dynamic code: length-limited Huffman codes, header with run-length-coded code lengths.
        let literalLengths = HuffmanCode.lengths(atLeastTwo(literalFrequencies), limit: DeflateSymbols.maxCodeLength)
        let distanceLengths = HuffmanCode.lengths(atLeastTwo(distanceFrequencies), limit: DeflateSymbols.maxCodeLength)
        // Code lengths listed in the header: up to the last used symbol, at least 257 and 1.
        let hlit = max(257, (literalLengths.lastIndex { $0 > 0 } ?? 0) + 1)
        let hdist = max(1, (distanceLengths.lastIndex { $0 > 0 } ?? 0) + 1)
        let runs = runLengthCoded(Array(literalLengths[0..<hlit]) + Array(distanceLengths[0..<hdist]))
        var codeLengthFrequencies = [UInt32](repeating: 0, count: DeflateSymbols.codeLengthCount)
        for r in runs { codeLengthFrequencies[Int(r.symbol)] += 1 }
        let codeLengthLengths = HuffmanCode.lengths(atLeastTwo(codeLengthFrequencies),
                                                    limit: DeflateSymbols.maxCodeLengthCodeLength)
        let hclen = max(4, (DeflateSymbols.codeLengthOrder.lastIndex { codeLengthLengths[$0] > 0 } ?? 0) + 1)
        var headerBits = 5 + 5 + 4 + 3 * hclen
        for r in runs {
            headerBits += Int(codeLengthLengths[Int(r.symbol)]) + DeflateSymbols.codeLengthExtraBits(Int(r.symbol))
        }

        // Extra bits are the same whichever code is used.
        var extraBits = 0
        for s in 265..<285 { extraBits += Int(literalFrequencies[s]) * DeflateSymbols.lengthExtraBits(s) }
        for s in 4..<DeflateSymbols.distanceCount {
            extraBits += Int(distanceFrequencies[s]) * DeflateSymbols.distanceExtraBits(s)
        }
        func codedBits(_ literal: [UInt8], _ distance: [UInt8]) -> Int {
            var bits = extraBits
            for s in 0..<DeflateSymbols.literalCount { bits += Int(literalFrequencies[s]) * Int(literal[s]) }
            for s in 0..<DeflateSymbols.distanceCount { bits += Int(distanceFrequencies[s]) * Int(distance[s]) }
            return bits
        }
        let dynamicBits = 3 + headerBits + codedBits(literalLengths, distanceLengths)
        let fixedBits = 3 + codedBits(DeflateSymbols.fixedLiteralLengths, DeflateSymbols.fixedDistanceLengths)
        let storedBits = storedSize(raw.count, bitOffset: out.bitCount)

        if storedBits < min(dynamicBits, fixedBits) {
            writeStored(raw, final: final, into: &out)
        } else if fixedBits <= dynamicBits {
            out.write(final ? 1 : 0, count: 1)
            out.write(1, count: 2)
            writeTokens(tokens,
                        literalLengths: DeflateSymbols.fixedLiteralLengths, literalCodes: DeflateSymbols.fixedLiteralCodes,
                        distanceLengths: DeflateSymbols.fixedDistanceLengths,
                        distanceCodes: DeflateSymbols.fixedDistanceCodes, into: &out)
        } else {
            out.write(final ? 1 : 0, count: 1)
            out.write(2, count: 2)
            out.write(UInt32(hlit - 257), count: 5)
            out.write(UInt32(hdist - 1), count: 5)
            out.write(UInt32(hclen - 4), count: 4)
            for s in DeflateSymbols.codeLengthOrder.prefix(hclen) { out.write(UInt32(codeLengthLengths[s]), count: 3) }
            let codeLengthCodes = HuffmanCode.codes(codeLengthLengths)
            for r in runs {
                let s = Int(r.symbol)
                out.write(UInt32(codeLengthCodes[s]), count: Int(codeLengthLengths[s]))
                out.write(UInt32(r.extra), count: DeflateSymbols.codeLengthExtraBits(s))
            }
            writeTokens(tokens, literalLengths: literalLengths, literalCodes: HuffmanCode.codes(literalLengths),
                        distanceLengths: distanceLengths, distanceCodes: HuffmanCode.codes(distanceLengths), into: &out)
        }
    }

    /// `frequencies` with the first unused symbols counted once until at least two are used: a Huffman code needs
    /// two codes to be complete, which inflaters require (and DEFLATE wants a distance code even when none is used).
    static func atLeastTwo(_ frequencies: [UInt32]) -> [UInt32] {
        var f = frequencies
        var used = f.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        var s = 0
        while used < 2 {
            if f[s] == 0 {
                f[s] = 1
                used += 1
            }
            s += 1
        }
        return f
    }

    /// Code lengths as code-length symbols: 0–15 literally, 16 repeats the previous length 3–6 times,
    /// 17 and 18 stand for 3–10 and 11–138 zeros; `extra` is the value of the extra bits.
    static func runLengthCoded(_ lengths: [UInt8]) -> [(symbol: UInt8, extra: UInt8)] {
        var out: [(symbol: UInt8, extra: UInt8)] = []
        var i = 0
        while i < lengths.count {
            let v = lengths[i]
            var run = 1
            while i + run < lengths.count && lengths[i + run] == v { run += 1 }
            i += run
            if v == 0 {
                while run >= 11 {
                    let k = min(run, 138)
                    out.append((18, UInt8(k - 11)))
                    run -= k
                }
                if run >= 3 {
                    out.append((17, UInt8(run - 3)))
                    run = 0
                }
            } else {
                out.append((v, 0))
                run -= 1
                while run >= 3 {
                    let k = min(run, 6)
                    out.append((16, UInt8(k - 3)))
                    run -= k
                }
            }
            for _ in 0..<run { out.append((v, 0)) }
        }
        return out
    }

    /// Bits taken by `count` bytes as stored blocks of at most 65535 bytes, starting at bit `bitOffset`.
    static func storedSize(_ count: Int, bitOffset: Int) -> Int {
        let blocks = max(1, (count + 65534) / 65535)
        let firstPadding = (8 - (bitOffset + 3) % 8) % 8
        return blocks * (3 + 32) + firstPadding + (blocks - 1) * 5 + count * 8
    }

    static func writeStored(_ raw: UnsafeRawBufferPointer, final: Bool, into out: inout BitWriter) {
        var start = 0
        repeat {
            let n = min(65535, raw.count - start)
            let last = start + n == raw.count
            out.write(final && last ? 1 : 0, count: 1)
            out.write(0, count: 2)
            out.alignToByte()
            out.append(byte: UInt8(n & 0xFF)); out.append(byte: UInt8(n >> 8))
            out.append(byte: UInt8(~n & 0xFF)); out.append(byte: UInt8((~n >> 8) & 0xFF))
            out.append(UnsafeRawBufferPointer(rebasing: raw[start..<(start + n)]))
            start += n
        } while start < raw.count
    }

    static func writeTokens(_ tokens: UnsafeBufferPointer<UInt32>, literalLengths: [UInt8], literalCodes: [UInt16],
                            distanceLengths: [UInt8], distanceCodes: [UInt16], into out: inout BitWriter) {
        // Each symbol as code | length << 16; each match length (− 3) as its symbol's code and extra bits together.
        let literals = UnsafeMutablePointer<UInt32>.allocate(capacity: DeflateSymbols.literalCount)
        let lengths = UnsafeMutablePointer<UInt32>.allocate(capacity: 256)
        let distances = UnsafeMutablePointer<UInt32>.allocate(capacity: DeflateSymbols.distanceCount)
        defer {
            literals.deallocate()
            lengths.deallocate()
            distances.deallocate()
        }
        for s in 0..<DeflateSymbols.literalCount {
            literals[s] = UInt32(literalCodes[s]) | UInt32(literalLengths[s]) << 16
        }
        for l in 0..<256 {
            let (symbol, extraBits, extra) = DeflateSymbols.length(l)
            let bits = UInt32(literalLengths[symbol])
            lengths[l] = (UInt32(literalCodes[symbol]) | UInt32(extra) << bits) | (bits + UInt32(extraBits)) << 24
        }
        for s in 0..<DeflateSymbols.distanceCount {
            distances[s] = UInt32(distanceCodes[s]) | UInt32(distanceLengths[s]) << 16
        }
        // Bits gather in a local word and go to `out` 32 at a time.
        var pending: UInt64 = 0
        var pendingCount: UInt64 = 0
        @inline(__always) func put(_ value: UInt32, _ count: UInt32) {
            pending |= UInt64(value) << pendingCount
            pendingCount += UInt64(count)
            if pendingCount >= 32 {
                out.write(UInt32(truncatingIfNeeded: pending), count: 32)
                pending >>= 32
                pendingCount -= 32
            }
        }
        for t in tokens {
            if t & (1 << 31) == 0 {
                let c = literals[Int(t)]
                put(c & 0xFFFF, c >> 16)
                continue
            }
            // Code and extra bits of a length fit in 15 + 5 bits, below the count in the top byte.
            let l = lengths[Int((t >> 16) & 0xFF)]
            put(l & 0xFF_FFFF, l >> 24)
            let d = DeflateSymbols.distance(Int(t & 0x7FFF))
            let c = distances[d.symbol]
            let bits = c >> 16
            put(c & 0xFFFF | UInt32(d.extra) << bits, bits + UInt32(d.extraBits))
        }
        let end = literals[DeflateSymbols.endOfBlock]
        put(end & 0xFFFF, end >> 16)
        out.write(UInt32(truncatingIfNeeded: pending), count: Int(pendingCount))
    }
}
