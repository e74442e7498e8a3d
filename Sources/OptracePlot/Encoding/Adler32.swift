/// Adler-32 (RFC 1950), the checksum that ends a zlib stream; zero bytes cost next to nothing.
///
/// A zero byte leaves `a` unchanged and adds `a` to `b`, so a run of r zeros adds r·a to `b`. The sums are kept
/// unreduced in 64 bits and reduced modulo 65521 only every 2^20 bytes or so.
public struct Adler32: Sendable, Hashable {
    static let modulus: UInt64 = 65521
    /// Bytes added between reductions: with at most twice this since the last one, a < 2^29 and b < 2^51.
    static let reductionInterval = 1 << 20

    private var a: UInt64 = 1
    private var b: UInt64 = 0
    private var unreduced = 0

    public init() {}

    /// The checksum of everything added so far (1 for nothing).
    public var value: UInt32 { UInt32((b % Self.modulus) << 16 | (a % Self.modulus)) }

    /// The checksum of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var adler = Adler32()
        bytes.withUnsafeBytes { adler.update($0) }
        return adler.value
    }

    @inline(__always)
    private mutating func reduce() {
        a %= Self.modulus
        b %= Self.modulus
        unreduced = 0
    }

    /// Adds `count` zero bytes.
    public mutating func updateZeros(count: Int) {
        var left = count
        while left > 0 {
            let n = min(left, Self.reductionInterval)
            b &+= UInt64(n) &* a
            unreduced += n
            left -= n
            if unreduced >= Self.reductionInterval { reduce() }
        }
    }

    /// Adds one byte.
    @inline(__always)
    public mutating func update(byte: UInt8) {
        a &+= UInt64(byte)
        b &+= a
        unreduced += 1
        if unreduced >= Self.reductionInterval { reduce() }
    }

    /// Adds `bytes`; all-zero stretches are taken 32 and 8 bytes at a time.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        var i = 0
        while i < n {
            let end = min(n, i + Self.reductionInterval - unreduced)
            let start = i
            while i + 8 <= end {
                if i + 32 <= end && base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    | base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    | base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                    | base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self) == 0 {
                    b &+= a &<< 5
                    i += 32
                    continue
                }
                var w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if w == 0 {
                    b &+= a &<< 3
                } else {
                    for _ in 0..<8 {
                        a &+= w & 0xFF
                        b &+= a
                        w >>= 8
                    }
                }
                i += 8
            }
            while i < end {
                a &+= UInt64(base.load(fromByteOffset: i, as: UInt8.self))
                b &+= a
                i += 1
            }
            unreduced += i - start
            if unreduced >= Self.reductionInterval { reduce() }
        }
    }
}
