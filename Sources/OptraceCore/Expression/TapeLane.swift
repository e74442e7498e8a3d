/// What the tape's interpreter runs on: one `Double` (a race's point) or `Lanes` (a sweep's points side by side).
///
/// The interpreter is written once against this protocol; every arithmetic operation is the scalar's IEEE
/// operation lane by lane, and the operations without a vector form go through the scalar kernels lane by lane,
/// so each lane's f and ∇f are bit-identical to a scalar evaluation at that lane's point.
protocol TapeLane {
    static var zero: Self { get }
    init(broadcast value: Double)

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Double, rhs: Self) -> Self
    static func / (lhs: Double, rhs: Self) -> Self
    static func + (lhs: Self, rhs: Double) -> Self
    static prefix func - (operand: Self) -> Self

    /// eˣ (`Exponential.exp`, the same bits for one value and for each lane).
    static func exp(_ x: Self) -> Self
    /// g·d, or 0 where d = 0: a zero local derivative blocks the flow, even of an infinite adjoint.
    static func share(_ g: Self, _ d: Self) -> Self
    /// The value and local derivatives of a step without a lane form (`TapeProgram.kernel`), lane by lane.
    static func kernels(_ ins: UnsafePointer<TapeInstruction>, _ x: Self, _ y: Self) -> (Self, Self, Self)
}

extension Double: TapeLane {
    @inline(__always) init(broadcast value: Double) { self = value }
    @inline(__always) static func exp(_ x: Double) -> Double { Exponential.exp(x) }
    @inline(__always) static func share(_ g: Double, _ d: Double) -> Double { d == 0 ? 0 : g * d }

    @inline(__always)
    static func kernels(_ ins: UnsafePointer<TapeInstruction>, _ x: Double, _ y: Double) -> (Double, Double, Double) {
        TapeProgram.kernel(ins.pointee, x, y)
    }
}

extension Lanes: TapeLane {
    @inline(__always) init(broadcast value: Double) { self.init(repeating: value) }
    @inline(__always) static func exp(_ x: Self) -> Self { Exponential.exp(x) }
    @inline(__always) static func share(_ g: Self, _ d: Self) -> Self { (g * d).kept(where: d .!= Self(repeating: 0)) }

    @inline(__always)
    static func kernels(_ ins: UnsafePointer<TapeInstruction>, _ x: Self, _ y: Self) -> (Self, Self, Self) {
        var v = Self(repeating: 0), da = v, db = v
        for i in 0..<scalarCount { (v[i], da[i], db[i]) = TapeProgram.kernel(ins.pointee, x[i], y[i]) }
        return (v, da, db)
    }
}
