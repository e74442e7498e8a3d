/// Maps domain coordinates to figure coordinates inside a plot rectangle (y up in the domain, down on the figure).
public struct PlotTransform: Sendable, Hashable {
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var rect: Rect

    public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, rect: Rect) {
        self.xRange = xRange
        self.yRange = yRange
        self.rect = rect
    }

    public func px(_ x: Double) -> Double {
        rect.minX + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * rect.width
    }

    public func py(_ y: Double) -> Double {
        rect.maxY - (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * rect.height
    }

    public func apply(_ p: SIMD2<Double>) -> SIMD2<Double> { SIMD2(px(p.x), py(p.y)) }
}
