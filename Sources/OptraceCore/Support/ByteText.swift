/// UTF-8 text built as bytes, with numbers appended in `NumberFormat.roundTrip`'s form without an intermediate `String`.
///
/// Whole numbers below 2⁵³ in magnitude are written by integer formatting ("42.0", "-0.0", as `description` writes
/// them); every other finite number by the standard library's own shortest round-trip formatter, which writes its
/// ASCII straight into the bytes (`_writeASCII`), so the text is `Double.description`'s byte for byte.
struct ByteText: TextOutputStream {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

    /// Appends `other`'s bytes.
    @inline(__always)
    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Appends `text` (a literal or other short text).
    @inline(__always)
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(byte: UInt8) { bytes.append(byte) }

    /// Appends `v` as `NumberFormat.roundTrip(v)` writes it.
    mutating func append(_ v: Double) {
        if v.isNaN { return append("nan") }
        if v.isInfinite { return append(v < 0 ? "-inf" : "inf") }
        if v.magnitude < 9_007_199_254_740_992, v == v.rounded(.towardZero) {
            if v.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            append(UInt64(v.magnitude))
            return append(".0")
        }
        v.write(to: &self)
    }

    /// Appends the decimal digits of `n`.
    mutating func append(_ n: Int) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        append(UInt64(n.magnitude))
    }

    /// Appends the decimal digits of `n`.
    private mutating func append(_ n: UInt64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes hold UInt64.max's 20 digits
        withUnsafeMutableBytes(of: &digits) { raw in
            var rest = n, start = raw.count
            repeat {
                start -= 1
                raw[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest != 0
            bytes.append(contentsOf: raw[start...])
        }
    }
}
