/// UTF-8 text built as bytes in one growing buffer, with numbers appended in `NumberFormat.roundTrip`'s form
/// without an intermediate `String`.
///
/// Whole numbers below 2⁵³ in magnitude are written by integer formatting ("42.0", "-0.0", as `description` writes
/// them); every other finite number by the standard library's own shortest round-trip formatter, which writes its
/// ASCII straight into the buffer (`_writeASCII`), so the text is `Double.description`'s byte for byte. Appends
/// copy raw bytes (no per-append array bookkeeping), which is what makes writing a million table lines cheap.
final class ByteText: TextOutputStream {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Whether the buffer is this text's own (it grows as needed) or lent by the caller (it never grows).
    private let owned: Bool
    /// The number of bytes written.
    private(set) var count = 0

    /// The most bytes `append(_: Double)` writes for one number ("-1.2345678901234567e-308"), and the room it may ask
    /// for at once (a whole number's 20 digits after its sign).
    static let maximumNumberLength = 24

    init(capacity: Int = 64) {
        self.capacity = Swift.max(16, capacity)
        base = .allocate(capacity: self.capacity)
        owned = true
    }

    /// Text written into `buffer`, which the caller owns and which must be large enough for everything appended (it
    /// does not grow; running out of room is a programming error that stops the program).
    init(borrowing buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress ?? .allocate(capacity: 0)
        capacity = buffer.baseAddress == nil ? 0 : buffer.count
        owned = buffer.baseAddress == nil
    }

    deinit { if owned { base.deallocate() } }

    /// The bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Forgets the bytes written (keeping the buffer).
    func removeAll() { count = 0 }

    func write(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { append(buffer) }

    /// Appends the bytes of `buffer`.
    @inline(__always)
    func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        reserve(buffer.count)
        (base + count).update(from: source, count: buffer.count)
        count += buffer.count
    }

    /// Appends `other`'s bytes.
    @inline(__always)
    func append(_ other: [UInt8]) { other.withUnsafeBufferPointer { append($0) } }

    /// Appends what `other` holds.
    @inline(__always)
    func append(_ other: ByteText) { append(UnsafeBufferPointer(start: other.base, count: other.count)) }

    /// Appends `text` (a literal).
    @inline(__always)
    func append(_ text: StaticString) { text.withUTF8Buffer { append($0) } }

    /// Appends one byte.
    @inline(__always)
    func append(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends `v` as `NumberFormat.roundTrip(v)` writes it.
    func append(_ v: Double) {
        if v.isNaN { return append("nan") }
        if v.isInfinite { return append(v < 0 ? "-inf" : "inf") }
        if v.magnitude < 9_007_199_254_740_992, v == v.rounded(.towardZero) {
            if v.sign == .minus { append(byte: UInt8(ascii: "-")) }
            append(UInt64(v.magnitude))
            return append(".0")
        }
        var target = self
        v.write(to: &target)
    }

    /// Appends the decimal digits of `n`.
    func append(_ n: Int) {
        if n < 0 { append(byte: UInt8(ascii: "-")) }
        append(UInt64(n.magnitude))
    }

    /// Appends the decimal digits of `n`.
    private func append(_ n: UInt64) {
        reserve(20)  // UInt64.max has 20 digits
        var digits = 1, rest = n / 10
        while rest != 0 {
            digits += 1
            rest /= 10
        }
        rest = n
        for i in stride(from: count + digits - 1, through: count, by: -1) {
            base[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        count += digits
    }

    /// Makes room for `more` bytes.
    @inline(__always)
    private func reserve(_ more: Int) {
        if count + more > capacity { grow(count + more) }
    }

    private func grow(_ needed: Int) {
        precondition(owned, "ByteText: a lent buffer of \(capacity) bytes is too small")
        let larger = Swift.max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}
