@testable import OptraceCore

/// f = ½(a·x² + b·y²), written by hand, for race tests that need no parser.
struct QuadraticEvaluator: GradientEvaluator {
    var a = 1.0
    var b = 10.0

    mutating func valueAndGradient(at p: Vec2) -> (value: Double, gradient: Vec2) {
        (0.5 * (a * p.x * p.x + b * p.y * p.y), Vec2(a * p.x, b * p.y))
    }

    mutating func value(at p: Vec2) -> Double { 0.5 * (a * p.x * p.x + b * p.y * p.y) }
}

extension Racer {
    static func make(_ name: String, _ optimizer: String, _ given: [String: Double] = [:], noisy: Bool = true) -> Racer {
        Racer(
            name: name, definition: OptimizerCatalog.definition(named: optimizer)!,
            given: given.mapValues { .number($0) }, noisy: noisy)
    }
}
