/// Something that returns f and ∇f at a point of the plane, reusing its own scratch space.
///
/// An evaluator is not shared between threads: make one per thread (see `Surface.makeEvaluator()`).
public protocol GradientEvaluator: SendableMetatype {
    /// f(p) and ∇f(p).
    mutating func valueAndGradient(at p: Vec2) -> (value: Double, gradient: Vec2)
    /// f(p) alone (a forward pass without the backward sweep).
    mutating func value(at p: Vec2) -> Double
}
