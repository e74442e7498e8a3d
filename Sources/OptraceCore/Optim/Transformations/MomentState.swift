/// The state of Adam's and RAdam's scaling: the first and second moments and the update count.
public struct MomentState<Vector: ParameterVector>: Sendable {
    public var m: Vector
    public var v: Vector
    public var count: Int

    /// Zero moments of the shape of `params`, before the first update.
    public init(zeroLike params: Vector) {
        let zero = params.zeros
        self.init(m: zero, v: zero, count: 0)
    }

    public init(m: Vector, v: Vector, count: Int) {
        self.m = m
        self.v = v
        self.count = count
    }
}
