/// The n parameters of a model (or their updates) as one flat vector, moved by one configuration.
public struct FlatVector: ParameterVector, Equatable {
    public typealias Scalar = Double
    public var values: [Double]

    public init(_ values: [Double]) { self.values = values }

    public var count: Int { values.count }

    public subscript(i: Int) -> Double {
        get { values[i] }
        set { values[i] = newValue }
    }

    @inline(__always)
    func map(_ f: (Double) -> Double) -> FlatVector { FlatVector(values.map(f)) }

    @inline(__always)
    static func zip(_ a: FlatVector, _ b: FlatVector, _ f: (Double, Double) -> Double) -> FlatVector {
        precondition(a.count == b.count, "vectors of different lengths")
        return FlatVector((0..<a.count).map { f(a.values[$0], b.values[$0]) })
    }

    public func filled(with value: Double) -> FlatVector { FlatVector(Array(repeating: value, count: count)) }

    public static func + (a: Self, b: Self) -> Self { zip(a, b, +) }
    public static func - (a: Self, b: Self) -> Self { zip(a, b, -) }
    public static func * (a: Self, b: Self) -> Self { zip(a, b, *) }
    public static func / (a: Self, b: Self) -> Self { zip(a, b, /) }
    public static func * (s: Double, v: Self) -> Self { v.map { s * $0 } }
    public static func * (v: Self, s: Double) -> Self { v.map { $0 * s } }
    public static func / (v: Self, s: Double) -> Self { v.map { $0 / s } }
    public static func / (s: Double, v: Self) -> Self { v.map { s / $0 } }
    public static func + (v: Self, s: Double) -> Self { v.map { $0 + s } }
    public static prefix func - (v: Self) -> Self { v.map { -$0 } }
    public func squareRoot() -> Self { map { $0.squareRoot() } }
    public var magnitudes: Self { map { Swift.abs($0) } }
    public static func maximum(_ a: Self, _ b: Self) -> Self { zip(a, b) { Swift.max($0, $1) } }
    public var signs: Self { map { Vec2.sign($0) } }
    public func clamped(to c: Double) -> Self { map { Vec2.clamp($0, c) } }

    public var norm: Double {
        let plain = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if plain.isFinite || values.contains(where: { !$0.isFinite }) { return plain }
        let m = values.reduce(0) { Swift.max($0, Swift.abs($1)) }
        return m * values.reduce(0) { $0 + ($1 / m) * ($1 / m) }.squareRoot()
    }

    public static func select(_ a: Double, greaterThan b: Double, _ ifTrue: Self, _ ifFalse: Self) -> Self {
        a > b ? ifTrue : ifFalse
    }
}
