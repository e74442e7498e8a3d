import COptraceMath

/// Eight evaluation points or runs side by side: one float64 per SIMD lane.
public typealias Lanes = SIMD8<Double>

extension SIMD where Self == Lanes {
    /// `self` where `mask` is set and +0 elsewhere, with plain vector bit operations (`replacing(with:where:)`
    /// goes lane by lane).
    @inline(__always)
    func kept(where mask: SIMDMask<Lanes.MaskStorage>) -> Lanes {
        let bits = unsafeBitCast(self, to: Lanes.MaskStorage.self) & unsafeBitCast(mask, to: Lanes.MaskStorage.self)
        return unsafeBitCast(bits, to: Lanes.self)
    }
}

extension Lanes {
    /// The square root of every lane, as one vector operation (exact IEEE, so each lane is the scalar root; the
    /// standard `squareRoot()` of a SIMD vector goes lane by lane through the C library).
    @inline(__always)
    public func squareRoot() -> Lanes {
        var input = self
        var output = Lanes()
        withUnsafePointer(to: &input) { source in
            withUnsafeMutablePointer(to: &output) { target in
                source.withMemoryRebound(to: Double.self, capacity: 8) { s in
                    target.withMemoryRebound(to: Double.self, capacity: 8) { t in optrace_sqrt8(s, t) }
                }
            }
        }
        return output
    }

    /// `a` where `mask` is set and `b` elsewhere, with plain vector bit operations.
    @inline(__always)
    static func select(_ mask: SIMDMask<Lanes.MaskStorage>, _ a: Lanes, _ b: Lanes) -> Lanes {
        let m = unsafeBitCast(mask, to: Lanes.MaskStorage.self)
        let bits = (unsafeBitCast(a, to: Lanes.MaskStorage.self) & m) | (unsafeBitCast(b, to: Lanes.MaskStorage.self) & ~m)
        return unsafeBitCast(bits, to: Lanes.self)
    }

    /// Whether every lane of `mask` is set: one AND over the lanes (`all(_:)` goes through a generic reduction).
    @inline(__always)
    static func allSet(_ mask: SIMDMask<Lanes.MaskStorage>) -> Bool {
        withUnsafeBytes(of: mask) { raw in
            var bits = UInt64.max
            for i in 0..<Lanes.scalarCount { bits &= raw.load(fromByteOffset: 8 * i, as: UInt64.self) }
            return bits != 0
        }
    }
}
