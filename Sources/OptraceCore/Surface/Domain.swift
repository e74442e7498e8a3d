/// The rectangle of the plane a surface is plotted over: `x` in `xRange`, `y` in `yRange`.
public struct Domain: Sendable, Equatable, Codable {
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>

    public init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.xRange = x
        self.yRange = y
    }

    /// Width and height of the rectangle.
    public var span: Vec2 { Vec2(xRange.upperBound - xRange.lowerBound, yRange.upperBound - yRange.lowerBound) }

    /// The centre of the rectangle.
    public var center: Vec2 { Vec2((xRange.lowerBound + xRange.upperBound) / 2, (yRange.lowerBound + yRange.upperBound) / 2) }

    /// Whether `p` lies inside the rectangle (edges included).
    public func contains(_ p: Vec2) -> Bool { xRange.contains(p.x) && yRange.contains(p.y) }
}
