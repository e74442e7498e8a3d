/// Eight points of the plane side by side, one per SIMD lane: the parameters (or updates) of eight configurations
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

    @inline(__always) public var magnitudes: Self { Self(x: Self.abs(x), y: Self.abs(y)) }

    @inline(__always)
    static func abs(_ v: Lanes) -> Lanes {
        let bits = unsafeBitCast(v, to: Lanes.MaskStorage.self) & Lanes.MaskStorage(repeating: 0x7FFF_FFFF_FFFF_FFFF)
        return unsafeBitCast(bits, to: Lanes.self)
    }

    @inline(__always)
    public static func maximum(_ a: Self, _ b: Self) -> Self {
        Self(x: Lanes.select(b.x .>= a.x, b.x, a.x), y: Lanes.select(b.y .>= a.y, b.y, a.y))
    }

    @inline(__always) public var signs: Self { Self(x: Self.sign(x), y: Self.sign(y)) }

    @inline(__always)
    static func sign(_ v: Lanes) -> Lanes {
        Lanes.select(v .< 0, Lanes(repeating: -1), Lanes.select(v .> 0, Lanes(repeating: 1), v))
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
        if all((plain - plain) .== Lanes(repeating: 0)) { return plain }
        return Lanes(lanes: { self[lane: $0].norm })
    }

    @inline(__always)
    public static func select(_ a: Lanes, greaterThan b: Lanes, _ ifTrue: Self, _ ifFalse: Self) -> Self {
        let mask = a .> b
        return Self(x: Lanes.select(mask, ifTrue.x, ifFalse.x), y: Lanes.select(mask, ifTrue.y, ifFalse.y))
    }
}
