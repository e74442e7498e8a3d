import Testing
@testable import OptraceCLI
@testable import OptraceCore

/// The benchmark's hand-written surface is the built-in valley-bump scenario's surface, value and gradient.
@Suite struct HandWrittenValleyBumpTests {
    @Test func itAgreesWithTheScenariosTape() throws {
        let surface = try ScenarioLocator.load("valley-bump").surface
        var hand = HandWrittenValleyBump()
        var tape = surface.makeEvaluator()
        let domain = surface.domain
        for i in 0..<41 {
            for j in 0..<31 {
                let p = Vec2(
                    domain.xRange.lowerBound + Double(i) / 40 * domain.span.x, domain.yRange.lowerBound + Double(j) / 30 * domain.span.y)
                let (v, g) = hand.valueAndGradient(at: p)
                let (tv, tg) = tape.valueAndGradient(at: p)
                #expect(abs(v - tv) <= 1e-12 * max(1, abs(tv)), "f at \(p)")
                #expect(abs(g.x - tg.x) <= 1e-12 * max(1, abs(tg.x)) && abs(g.y - tg.y) <= 1e-12 * max(1, abs(tg.y)), "∇f at \(p)")
                #expect(abs(hand.value(at: p) - tv) <= 1e-12 * max(1, abs(tv)))
            }
        }
    }
}
