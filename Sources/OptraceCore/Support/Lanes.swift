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
