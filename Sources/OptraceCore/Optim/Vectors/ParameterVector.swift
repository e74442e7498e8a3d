/// The parameters an update rule moves, and its updates: a point of the plane (`Vec2`), points of a sweep's
/// configurations in SIMD lanes (`LaneVec2`), or the n parameters of a model (`FlatVector`).
///
/// The transformations (`Trace`, `ScaleByAdam`, …) are written once against this protocol. Every operation is
/// coordinate by coordinate (and lane by lane) with the scalar's IEEE arithmetic in the order written, so each
/// coordinate of each lane is bit-identical to the 2-D race of the same configuration.
public protocol ParameterVector: Sendable {
    /// A hyperparameter's type: `Double`, or one value per lane.
    associatedtype Scalar: ParameterScalar

    /// A vector of the same shape as `self` with every coordinate `value`.
    func filled(with value: Scalar) -> Self

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Scalar, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Scalar) -> Self
    static func / (lhs: Self, rhs: Scalar) -> Self
    static func / (lhs: Scalar, rhs: Self) -> Self
    static func + (lhs: Self, rhs: Scalar) -> Self
    static prefix func - (operand: Self) -> Self
    func squareRoot() -> Self

    /// |x| per coordinate.
    var magnitudes: Self { get }
    /// `Swift.max(a, b)` per coordinate (`b ≥ a ? b : a`, so a NaN in `b` keeps `a`).
    static func maximum(_ a: Self, _ b: Self) -> Self
    /// −1, 0 or 1 per coordinate; NaN stays NaN (torch.sign).
    var signs: Self { get }
    /// Every coordinate clamped to [−c, c]; NaN stays NaN (torch's `clamp_`).
    func clamped(to c: Scalar) -> Self
    /// The Euclidean norm (per lane), rescaled by the largest magnitude when the plain form overflows.
    var norm: Scalar { get }
    /// `ifTrue` where (in the lanes where) `a > b`, `ifFalse` elsewhere.
    static func select(_ a: Scalar, greaterThan b: Scalar, _ ifTrue: Self, _ ifFalse: Self) -> Self
}

extension SIMD2: ParameterVector where Scalar == Double {
    @inline(__always) public func filled(with value: Double) -> Self { Self(repeating: value) }

    @inline(__always) public var magnitudes: Self { Self(Swift.abs(x), Swift.abs(y)) }

    @inline(__always)
    public static func maximum(_ a: Self, _ b: Self) -> Self { Self(Swift.max(a.x, b.x), Swift.max(a.y, b.y)) }

    @inline(__always) public var signs: Self { Self(Self.sign(x), Self.sign(y)) }

    @inline(__always)
    static func sign(_ v: Double) -> Double { v > 0 ? 1 : (v < 0 ? -1 : v) }

    @inline(__always)
    public func clamped(to c: Double) -> Self { Self(Self.clamp(x, c), Self.clamp(y, c)) }

    @inline(__always)
    static func clamp(_ v: Double, _ c: Double) -> Double { v > c ? c : (v < -c ? -c : v) }

    public var norm: Double {
        let plain = (x * x + y * y).squareRoot()
        if plain.isFinite || !x.isFinite || !y.isFinite { return plain }
        let m = Swift.max(Swift.abs(x), Swift.abs(y))
        let a = x / m, b = y / m
        return m * (a * a + b * b).squareRoot()
    }

    @inline(__always)
    public static func select(_ a: Double, greaterThan b: Double, _ ifTrue: Self, _ ifFalse: Self) -> Self {
        a > b ? ifTrue : ifFalse
    }
}

extension ParameterVector {
    /// decay·old + (1 − decay)·new, in that order of operations: the running average every moment of the catalog
    /// keeps (Adam's m and v, RMSprop's and Adadelta's averages, Lion's interpolations).
    @inline(__always)
    public static func movingAverage(_ old: Self, _ new: Self, decay: Scalar) -> Self {
        decay * old + (1 - decay) * new
    }

    /// A vector of the same shape as `self` with every coordinate 0 (a moment's initial state).
    @inline(__always)
    public var zeros: Self { filled(with: Scalar(repeating: 0)) }
}
