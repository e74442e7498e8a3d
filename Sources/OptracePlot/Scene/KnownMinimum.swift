/// A known minimum of the surface to mark on the map; global minima get a star, local ones a diamond.
public struct KnownMinimum: Sendable, Hashable {
    public var point: SIMD2<Double>
    public var isGlobal: Bool

    public init(point: SIMD2<Double>, isGlobal: Bool) {
        self.point = point
        self.isGlobal = isGlobal
    }
}
