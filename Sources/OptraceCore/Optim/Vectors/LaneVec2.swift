/// Points of the plane side by side, one per lane of `Lanes`: the parameters (or updates) of as many configurations
/// of a sweep, each lane moved by its own hyperparameters.
public struct LaneVec2: ParameterVector, Equatable {
    public typealias Scalar = Lanes
    public var x: Lanes
    public var y: Lanes

    @inline(__always)
    public init(x: Lanes, y: Lanes) {
        self.x = x
        self.y = y
    }

    /// Lane i's point.
    public subscript(lane i: Int) -> Vec2 { Vec2(x[i], y[i]) }

    @inline(__always) public func filled(with value: Lanes) -> LaneVec2 { LaneVec2(x: value, y: value) }

    @inline(__always) public static func + (a: Self, b: Self) -> Self { Self(x: a.x + b.x, y: a.y + b.y) }
    @inline(__always) public static func - (a: Self, b: Self) -> Self { Self(x: a.x - b.x, y: a.y - b.y) }
    @inline(__always) public static func * (a: Self, b: Self) -> Self { Self(x: a.x * b.x, y: a.y * b.y) }
    @inline(__always) public static func / (a: Self, b: Self) -> Self { Self(x: a.x / b.x, y: a.y / b.y) }
    @inline(__always) public static func * (s: Lanes, v: Self) -> Self { Self(x: s * v.x, y: s * v.y) }
    @inline(__always) public static func * (v: Self, s: Lanes) -> Self { Self(x: v.x * s, y: v.y * s) }
    @inline(__always) public static func / (v: Self, s: Lanes) -> Self { Self(x: v.x / s, y: v.y / s) }
    @inline(__always) public static func / (s: Lanes, v: Self) -> Self { Self(x: s / v.x, y: s / v.y) }
    @inline(__always) public static func + (v: Self, s: Lanes) -> Self { Self(x: v.x + s, y: v.y + s) }
    @inline(__always) public static prefix func - (v: Self) -> Self { Self(x: -v.x, y: -v.y) }
    @inline(__always) public func squareRoot() -> Self { Self(x: x.squareRoot(), y: y.squareRoot()) }

    @inline(__always) public var magnitudes: Self { Self(x: x.magnitude, y: y.magnitude) }

    @inline(__always)
    public static func maximum(_ a: Self, _ b: Self) -> Self {
        Self(x: Lanes.select(b.x .>= a.x, b.x, a.x), y: Lanes.select(b.y .>= a.y, b.y, a.y))
    }

    @inline(__always) public var signs: Self { Self(x: Self.sign(x), y: Self.sign(y)) }

    /// ±1 with v's sign where v is non-zero, else v itself (±0, NaN): one mask, the sign bit copied onto 1.
    @inline(__always)
    static func sign(_ v: Lanes) -> Lanes {
        Lanes.select((v .< Lanes.zero) | (v .> Lanes.zero), v.signOne, v)
    }

    @inline(__always)
    public func clamped(to c: Lanes) -> Self { Self(x: Self.clamp(x, c), y: Self.clamp(y, c)) }

    @inline(__always)
    static func clamp(_ v: Lanes, _ c: Lanes) -> Lanes {
        // v > c ? c : (v < −c ? −c : v), lane by lane.
        Lanes.select(v .> c, c, Lanes.select(v .< -c, -c, v))
    }

    public var norm: Lanes {
        let plain = (x * x + y * y).squareRoot()
        // Lane by lane (with the rescaled form) only when some lane's plain norm is not finite.
        if ((plain - plain) .== Lanes.zero).allSet { return plain }
        return Lanes(lanes: { self[lane: $0].norm })
    }

    @inline(__always)
    public static func select(_ a: Lanes, greaterThan b: Lanes, _ ifTrue: Self, _ ifFalse: Self) -> Self {
        let mask = a .> b
        return Self(x: Lanes.select(mask, ifTrue.x, ifFalse.x), y: Lanes.select(mask, ifTrue.y, ifFalse.y))
    }
}
