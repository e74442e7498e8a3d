import COptraceMath

/// Sixteen evaluation points or runs side by side: one float64 per lane, held as two 8-wide SIMD vectors.
///
/// Every operation is the scalar's IEEE operation lane by lane, so each lane computes bit for bit what one
/// `Double` computes. The width is what makes a sweep fast: a run's steps depend on each other, so the latency
/// of exp, square roots and divisions is hidden only by independent lanes beside it, and the tape's dispatch is
/// paid once for all of them.
public struct Lanes: Sendable, Equatable {
    /// Eight lanes: one SIMD vector.
    public typealias Chunk = SIMD8<Double>

    @usableFromInline var c0: Chunk, c1: Chunk

    /// The number of lanes.
    @inline(__always) public static var scalarCount: Int { 16 }

    @inline(__always) @usableFromInline
    init(_ c0: Chunk, _ c1: Chunk) {
        (self.c0, self.c1) = (c0, c1)
    }

    /// Every lane +0.
    @inline(__always) public init() { self.init(repeating: 0) }

    /// The same value in every lane.
    @inline(__always)
    public init(repeating value: Double) {
        let c = Chunk(repeating: value)
        self.init(c, c)
    }

    /// Every lane +0.
    @inline(__always) public static var zero: Lanes { Lanes() }

    /// The lanes read from `scalarCount` consecutive doubles.
    @inline(__always)
    public init(loading p: UnsafePointer<Double>) {
        let raw = UnsafeRawPointer(p)
        self.init(
            raw.loadUnaligned(as: Chunk.self), raw.loadUnaligned(fromByteOffset: 64, as: Chunk.self))
    }

    /// Lane `i`.
    public subscript(i: Int) -> Double {
        @inline(__always) get {
            precondition(i >= 0 && i < Self.scalarCount, "lane \(i) out of range")
            return withUnsafeBytes(of: self) { $0.load(fromByteOffset: 8 * i, as: Double.self) }
        }
        @inline(__always) set {
            precondition(i >= 0 && i < Self.scalarCount, "lane \(i) out of range")
            withUnsafeMutableBytes(of: &self) { $0.storeBytes(of: newValue, toByteOffset: 8 * i, as: Double.self) }
        }
    }

    /// `f` applied to each chunk.
    @inline(__always) @usableFromInline
    func map(_ f: (Chunk) -> Chunk) -> Lanes { Lanes(f(c0), f(c1)) }

    /// `f` applied to each pair of chunks.
    @inline(__always) @usableFromInline
    func zip(_ o: Lanes, _ f: (Chunk, Chunk) -> Chunk) -> Lanes { Lanes(f(c0, o.c0), f(c1, o.c1)) }

    /// `f` applied to each pair of chunks, giving a mask.
    @inline(__always) @usableFromInline
    func compare(_ o: Lanes, _ f: (Chunk, Chunk) -> SIMDMask<LaneMask.Chunk>) -> LaneMask {
        LaneMask(LaneMask.bits(f(c0, o.c0)), LaneMask.bits(f(c1, o.c1)))
    }

    @inline(__always) public static func + (a: Lanes, b: Lanes) -> Lanes { a.zip(b) { $0 + $1 } }
    @inline(__always) public static func - (a: Lanes, b: Lanes) -> Lanes { a.zip(b) { $0 - $1 } }
    @inline(__always) public static func * (a: Lanes, b: Lanes) -> Lanes { a.zip(b) { $0 * $1 } }
    @inline(__always) public static func / (a: Lanes, b: Lanes) -> Lanes { a.zip(b) { $0 / $1 } }
    @inline(__always) public static func + (a: Double, b: Lanes) -> Lanes { b.map { a + $0 } }
    @inline(__always) public static func - (a: Double, b: Lanes) -> Lanes { b.map { a - $0 } }
    @inline(__always) public static func * (a: Double, b: Lanes) -> Lanes { b.map { a * $0 } }
    @inline(__always) public static func / (a: Double, b: Lanes) -> Lanes { b.map { a / $0 } }
    @inline(__always) public static func + (a: Lanes, b: Double) -> Lanes { a.map { $0 + b } }
    @inline(__always) public static func - (a: Lanes, b: Double) -> Lanes { a.map { $0 - b } }
    @inline(__always) public static func * (a: Lanes, b: Double) -> Lanes { a.map { $0 * b } }
    @inline(__always) public static func / (a: Lanes, b: Double) -> Lanes { a.map { $0 / b } }
    /// −x of every lane: the sign bit flipped, as the scalar's `-` (the standard SIMD `-` computes 0 − x, which turns
    /// −0 into +0 and +0 stays +0).
    @inline(__always)
    public static prefix func - (a: Lanes) -> Lanes {
        a.map { unsafeBitCast(unsafeBitCast($0, to: LaneMask.Chunk.self) ^ LaneMask.Chunk(repeating: Int64.min), to: Chunk.self) }
    }
    @inline(__always) public static func += (a: inout Lanes, b: Lanes) { a = a + b }

    @inline(__always) public static func .< (a: Lanes, b: Lanes) -> LaneMask { a.compare(b) { $0 .< $1 } }
    @inline(__always) public static func .<= (a: Lanes, b: Lanes) -> LaneMask { a.compare(b) { $0 .<= $1 } }
    @inline(__always) public static func .> (a: Lanes, b: Lanes) -> LaneMask { a.compare(b) { $0 .> $1 } }
    @inline(__always) public static func .>= (a: Lanes, b: Lanes) -> LaneMask { a.compare(b) { $0 .>= $1 } }
    @inline(__always) public static func .== (a: Lanes, b: Lanes) -> LaneMask { a.compare(b) { $0 .== $1 } }
    @inline(__always) public static func .!= (a: Lanes, b: Lanes) -> LaneMask { a.compare(b) { $0 .!= $1 } }

    /// Whether every lane compares equal (`==` of `Double`: −0 equals +0, NaN equals nothing).
    @inline(__always) public static func == (a: Lanes, b: Lanes) -> Bool { (a .== b).allSet }

    /// The square root of every lane, as vector operations (exact IEEE, so each lane is the scalar root; the
    /// standard `squareRoot()` of a SIMD vector goes lane by lane through the C library).
    @inline(__always)
    public func squareRoot() -> Lanes {
        map { chunk in
            var input = chunk
            var output = Chunk()
            withUnsafePointer(to: &input) { source in
                withUnsafeMutablePointer(to: &output) { target in
                    source.withMemoryRebound(to: Double.self, capacity: 8) { s in
                        target.withMemoryRebound(to: Double.self, capacity: 8) { t in optrace_sqrt8(s, t) }
                    }
                }
            }
            return output
        }
    }

    /// |x| of every lane (the sign bit cleared).
    @inline(__always)
    public var magnitude: Lanes {
        map { unsafeBitCast(unsafeBitCast($0, to: LaneMask.Chunk.self) & LaneMask.Chunk(repeating: 0x7FFF_FFFF_FFFF_FFFF), to: Chunk.self) }
    }

    /// 1 with the sign bit of each lane (−1 for a negative lane or −0).
    @inline(__always)
    public var signOne: Lanes {
        map {
            let bits = unsafeBitCast($0, to: LaneMask.Chunk.self) & LaneMask.Chunk(repeating: Int64.min)
            return unsafeBitCast(bits | LaneMask.Chunk(repeating: Int64(bitPattern: (1.0).bitPattern)), to: Chunk.self)
        }
    }

    /// `self` where `mask` is set and +0 elsewhere.
    @inline(__always)
    func kept(where mask: LaneMask) -> Lanes {
        Lanes(LaneMask.keep(c0, mask.m0), LaneMask.keep(c1, mask.m1))
    }

    /// `a` where `mask` is set and `b` elsewhere, with plain vector bit operations.
    @inline(__always)
    static func select(_ mask: LaneMask, _ a: Lanes, _ b: Lanes) -> Lanes {
        Lanes(
            LaneMask.pick(mask.m0, a.c0, b.c0), LaneMask.pick(mask.m1, a.c1, b.c1))
    }
}
