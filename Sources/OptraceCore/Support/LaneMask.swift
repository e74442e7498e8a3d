/// One flag per lane of `Lanes` (all ones where set, zero elsewhere), combined with plain vector bit operations.
///
/// `SIMDMask`'s own `.&` and `.|` go through one-bit vectors, packed and unpacked around every operation.
public struct LaneMask: Sendable {
    /// Eight lanes' flags.
    public typealias Chunk = SIMD8<Int64>

    @usableFromInline var m0: Chunk, m1: Chunk

    @inline(__always) @usableFromInline
    init(_ m0: Chunk, _ m1: Chunk) {
        (self.m0, self.m1) = (m0, m1)
    }

    /// Every lane set, or none.
    @inline(__always)
    public init(repeating value: Bool) {
        let c = Chunk(repeating: value ? -1 : 0)
        self.init(c, c)
    }

    /// A comparison's lanes as bits.
    @inline(__always) @usableFromInline
    static func bits(_ mask: SIMDMask<Chunk>) -> Chunk { unsafeBitCast(mask, to: Chunk.self) }

    /// `value` where `mask` is all ones, +0 where it is zero.
    @inline(__always) @usableFromInline
    static func keep(_ value: Lanes.Chunk, _ mask: Chunk) -> Lanes.Chunk {
        unsafeBitCast(unsafeBitCast(value, to: Chunk.self) & mask, to: Lanes.Chunk.self)
    }

    /// `a` where `mask` is all ones, `b` where it is zero.
    @inline(__always) @usableFromInline
    static func pick(_ mask: Chunk, _ a: Lanes.Chunk, _ b: Lanes.Chunk) -> Lanes.Chunk {
        unsafeBitCast((unsafeBitCast(a, to: Chunk.self) & mask) | (unsafeBitCast(b, to: Chunk.self) & ~mask), to: Lanes.Chunk.self)
    }

    /// Whether lane `i` is set; setting it sets or clears that lane.
    public subscript(i: Int) -> Bool {
        get {
            precondition(i >= 0 && i < Lanes.scalarCount, "lane \(i) out of range")
            return withUnsafeBytes(of: self) { $0.load(fromByteOffset: 8 * i, as: Int64.self) } != 0
        }
        set {
            precondition(i >= 0 && i < Lanes.scalarCount, "lane \(i) out of range")
            withUnsafeMutableBytes(of: &self) { $0.storeBytes(of: newValue ? -1 : 0, toByteOffset: 8 * i, as: Int64.self) }
        }
    }

    @inline(__always)
    public static func & (a: LaneMask, b: LaneMask) -> LaneMask { LaneMask(a.m0 & b.m0, a.m1 & b.m1) }
    @inline(__always)
    public static func | (a: LaneMask, b: LaneMask) -> LaneMask { LaneMask(a.m0 | b.m0, a.m1 | b.m1) }
    @inline(__always)
    public static prefix func ~ (a: LaneMask) -> LaneMask { LaneMask(~a.m0, ~a.m1) }

    /// Whether every lane is set: ANDs of vector halves, in registers.
    @inline(__always)
    public var allSet: Bool {
        let whole = m0 & m1
        let quarter = whole.lowHalf & whole.highHalf
        let pair = quarter.lowHalf & quarter.highHalf
        return pair[0] & pair[1] != 0
    }
}
