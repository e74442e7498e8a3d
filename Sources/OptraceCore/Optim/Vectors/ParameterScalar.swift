import Foundation

/// The numbers an update rule's hyperparameters and per-coordinate arithmetic are made of: one `Double`, or one per
/// SIMD lane (`Lanes`, each lane a configuration of a sweep with its own hyperparameters).
///
/// Every operation works lane by lane with exactly the scalar's IEEE arithmetic, so a lane computes bit for bit
/// what the same rule computes on `Double`.
public protocol ParameterScalar: Sendable {
    /// The number of lanes (1 for `Double`).
    static var laneCount: Int { get }
    /// One value per lane, `value(i)` for lane i.
    init(lanes value: (Int) -> Double)
    /// The value of lane `i`.
    func lane(_ i: Int) -> Double
    /// The same value in every lane.
    init(repeating value: Double)
    /// Lane i read from `p[i]`.
    init(loading p: UnsafePointer<Double>)

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static func + (lhs: Double, rhs: Self) -> Self
    static func - (lhs: Double, rhs: Self) -> Self
    static func * (lhs: Double, rhs: Self) -> Self
    static func / (lhs: Double, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Double) -> Self
    static func / (lhs: Self, rhs: Double) -> Self
    static prefix func - (operand: Self) -> Self
    func squareRoot() -> Self

    /// `ifTrue` in the lanes where `a > b`, `ifFalse` elsewhere (NaN compares false).
    static func select(_ a: Self, greaterThan b: Self, _ ifTrue: Self, _ ifFalse: Self) -> Self

    /// baseᵗ lane by lane, `Foundation.pow(base, Double(t))` as torch's `beta ** step`.
    static func power(_ base: Self, _ t: Int) -> Self
    /// base^exponent lane by lane (`Foundation.pow`).
    static func power(_ base: Double, _ exponent: Self) -> Self
}

extension ParameterScalar {
    /// baseᵗ lane by lane, `Foundation.pow(base, Double(t))` as torch's `beta ** step`.
    @inline(__always)
    public static func power(_ base: Self, _ t: Int) -> Self {
        Self(lanes: { Foundation.pow(base.lane($0), Double(t)) })
    }

    /// base^exponent lane by lane (`Foundation.pow`).
    @inline(__always)
    public static func power(_ base: Double, _ exponent: Self) -> Self {
        Self(lanes: { Foundation.pow(base, exponent.lane($0)) })
    }
}

extension Double: ParameterScalar {
    public static var laneCount: Int { 1 }
    @inline(__always) public init(lanes value: (Int) -> Double) { self = value(0) }
    @inline(__always) public init(repeating value: Double) { self = value }
    @inline(__always) public init(loading p: UnsafePointer<Double>) { self = p.pointee }
    @inline(__always) public func lane(_ i: Int) -> Double { self }

    @inline(__always)
    public static func select(_ a: Double, greaterThan b: Double, _ ifTrue: Double, _ ifFalse: Double) -> Double {
        a > b ? ifTrue : ifFalse
    }

    @inline(__always)
    public static func power(_ base: Double, _ t: Int) -> Double { Foundation.pow(base, Double(t)) }
}

extension Lanes: ParameterScalar {
    public static var laneCount: Int { scalarCount }

    @inline(__always)
    public init(lanes value: (Int) -> Double) {
        self.init()
        for i in 0..<Self.scalarCount { self[i] = value(i) }
    }

    @inline(__always) public func lane(_ i: Int) -> Double { self[i] }

    /// baseᵗ lane by lane; one `pow` for all lanes when they share the base (a hyperparameter that is not swept).
    @inline(__always)
    public static func power(_ base: Self, _ t: Int) -> Self {
        if base == Self(repeating: base[0]) { return Self(repeating: Foundation.pow(base[0], Double(t))) }
        return Self(lanes: { Foundation.pow(base[$0], Double(t)) })
    }

    /// base^exponent lane by lane; one `pow` when the lanes share the exponent.
    @inline(__always)
    public static func power(_ base: Double, _ exponent: Self) -> Self {
        if exponent == Self(repeating: exponent[0]) { return Self(repeating: Foundation.pow(base, exponent[0])) }
        return Self(lanes: { Foundation.pow(base, exponent[$0]) })
    }

    @inline(__always)
    public static func select(_ a: Self, greaterThan b: Self, _ ifTrue: Self, _ ifFalse: Self) -> Self {
        Lanes.select(a .> b, ifTrue, ifFalse)
    }
}
