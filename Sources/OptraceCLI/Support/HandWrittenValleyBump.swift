import Foundation
import OptraceCore

/// The valley-bump surface and its gradient written out by hand: the benchmark's yardstick for the tape.
///
/// f(x, y) = ½(0.1x² + y²) + 1.5·exp(−((x−3)² + (y−0.2)²)/(2·0.8²)).
public struct HandWrittenValleyBump: GradientEvaluator {
    public init() {}

    public mutating func valueAndGradient(at p: Vec2) -> (value: Double, gradient: Vec2) {
        let dx = p.x - 3, dy = p.y - 0.2
        let e = 1.5 * exp(-(dx * dx + dy * dy) / 1.28)
        let value = 0.5 * (0.1 * p.x * p.x + p.y * p.y) + e
        let k = e / 0.64
        return (value, Vec2(0.1 * p.x - k * dx, p.y - k * dy))
    }

    public mutating func value(at p: Vec2) -> Double {
        let dx = p.x - 3, dy = p.y - 0.2
        return 0.5 * (0.1 * p.x * p.x + p.y * p.y) + 1.5 * exp(-(dx * dx + dy * dy) / 1.28)
    }
}
