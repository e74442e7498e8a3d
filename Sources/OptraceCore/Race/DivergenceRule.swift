/// When a racer is declared diverged: a non-finite value, or a position far outside the domain.
public struct DivergenceRule: Sendable, Equatable {
    /// How many domain widths (per axis) outside the domain a racer may wander before it is stopped.
    public var escapeFactor: Double

    public init(escapeFactor: Double = 100) {
        self.escapeFactor = escapeFactor
    }

    /// Why `position` (with `loss` there and the `gradient` that led to it) counts as diverged, or nil.
    public func reason(position: Vec2, loss: Double, gradient: Vec2, domain: Domain) -> String? {
        if !(gradient.x.isFinite && gradient.y.isFinite) { return "non-finite gradient" }
        if !(position.x.isFinite && position.y.isFinite) { return "non-finite position" }
        if !loss.isFinite { return "non-finite loss" }
        let reach = escapeFactor * domain.span
        let low = Vec2(domain.xRange.lowerBound, domain.yRange.lowerBound) - reach
        let high = Vec2(domain.xRange.upperBound, domain.yRange.upperBound) + reach
        if position.x < low.x || position.x > high.x || position.y < low.y || position.y > high.y {
            return "left the domain by more than \(NumberFormat.short(escapeFactor)) domain widths"
        }
        return nil
    }
}
