/// Eight evaluation points or runs side by side: one float64 per SIMD lane.
public typealias Lanes = SIMD8<Double>
