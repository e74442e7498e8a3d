/// A point or vector in the plane of a 2-D loss surface, in float64.
public typealias Vec2 = SIMD2<Double>
