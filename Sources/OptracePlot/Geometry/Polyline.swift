/// A connected run of points; closed polylines join their last point back to the first (which is not repeated).
public struct Polyline: Sendable, Hashable {
    public var points: [SIMD2<Double>]
    public var isClosed: Bool

    public init(points: [SIMD2<Double>], isClosed: Bool) {
        self.points = points
        self.isClosed = isClosed
    }
}
