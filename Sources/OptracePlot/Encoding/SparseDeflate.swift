/// A zlib encoder for data that is mostly zero bytes, such as the filtered rows of an APNG delta frame.
///
/// Zero runs are found 8 bytes at a time and coded as distance-1 matches, so they cost next to nothing in time or
/// bytes; the rest goes through LZ77 with a hash chain over the 32 KiB window (see `DeflateTokenizer`). Each block
/// of up to `blockTokens` tokens is written with length-limited dynamic Huffman codes, the fixed code or stored,
/// whichever is smallest. The output depends only on the input.
public enum SparseDeflate {
    /// Tokens per DEFLATE block.
    static let blockTokens = 16384

    /// A complete zlib stream (RFC 1950: header, DEFLATE data, Adler-32) for `bytes`.
    public static func zlib(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { zlib($0) }
    }

    /// A complete zlib stream (RFC 1950: header, DEFLATE data, Adler-32) for `bytes`.
    public static func zlib(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        // Never more than the stored size (5 bytes per block of at most 65535 bytes) plus header and checksum.
        let blocks = bytes.count / 65535 + bytes.count / blockTokens + 2
        var out = BitWriter(capacity: bytes.count + 5 * blocks + 16)
        // CMF: deflate with a 32 KiB window; FLG: default level, FCHECK making the pair a multiple of 31.
        let cmf: UInt32 = 0x78, level: UInt32 = 2 << 6
        out.write(cmf, count: 8)
        out.write(level | (31 - (cmf << 8 | level) % 31) % 31, count: 8)
        var tokenizer = DeflateTokenizer(source: bytes, blockTokens: blockTokens)
        repeat {
            let span = tokenizer.nextBlock()
            DeflateBlockWriter.write(
                tokens: UnsafeBufferPointer(start: tokenizer.tokens, count: tokenizer.tokenCount),
                literalFrequencies: tokenizer.literalFrequencies, distanceFrequencies: tokenizer.distanceFrequencies,
                raw: UnsafeRawBufferPointer(rebasing: bytes[span]), final: tokenizer.isFinished, into: &out)
        } while !tokenizer.isFinished
        out.alignToByte()
        let a = tokenizer.adler.value
        for shift in [24, 16, 8, 0] as [UInt32] { out.append(byte: UInt8(truncatingIfNeeded: a >> shift)) }
        return out.bytes
    }
}
