/// When a racer is declared diverged: a non-finite value, or a position far outside the domain.
public struct DivergenceRule: Sendable, Equatable {
    /// How many domain widths (per axis) outside the domain a racer may wander before it is stopped.
    public var escapeFactor: Double

    public init(escapeFactor: Double = 100) {
        self.escapeFactor = escapeFactor
    }

    /// Why `position` (with `loss` there and the `gradient` that led to it) counts as diverged, or nil.
    public func reason(position: Vec2, loss: Double, gradient: Vec2, domain: Domain) -> String? {
        func at(_ p: Vec2) -> String { "(\(NumberFormat.fixedSignificant(p.x, 4)), \(NumberFormat.fixedSignificant(p.y, 4)))" }
        if gradient.x.isNaN || gradient.y.isNaN { return "gradient is NaN (undefined, e.g. log or sqrt of a negative number)" }
        if !(gradient.x.isFinite && gradient.y.isFinite) { return "gradient overflowed to infinity" }
        if !(position.x.isFinite && position.y.isFinite) { return "position overflowed to infinity" }
        if loss.isNaN { return "loss is NaN at \(at(position)) (undefined there, e.g. log or sqrt of a negative number)" }
        if !loss.isFinite { return "loss is \(loss < 0 ? "-" : "")infinite at \(at(position)) (division by zero or overflow)" }
        let (low, high) = bounds(domain)
        if position.x < low.x || position.x > high.x || position.y < low.y || position.y > high.y {
            return "left the domain by more than \(NumberFormat.short(escapeFactor)) domain widths"
        }
        return nil
    }

    /// The box a racer may not leave: the domain widened by `escapeFactor` domain widths on each side.
    public func bounds(_ domain: Domain) -> (low: Vec2, high: Vec2) {
        let reach = escapeFactor * domain.span
        return (Vec2(domain.xRange.lowerBound, domain.yRange.lowerBound) - reach,
                Vec2(domain.xRange.upperBound, domain.yRange.upperBound) + reach)
    }

    /// Whether a position (x, y), the gradient (gx, gy) that led to it and the loss there pass this rule:
    /// `reason(…) == nil`, the same tests without building a reason (for the sweep's inner loop), with
    /// `low` and `high` from `bounds`.
    @inline(__always)
    public static func passes(_ x: Double, _ y: Double, _ gx: Double, _ gy: Double, _ loss: Double, low: Vec2, high: Vec2) -> Bool {
        gx.isFinite && gy.isFinite && x.isFinite && y.isFinite && loss.isFinite
            && !(x < low.x || x > high.x || y < low.y || y > high.y)
    }
}
