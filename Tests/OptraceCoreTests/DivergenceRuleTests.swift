import Testing
@testable import OptraceCore

/// The sweep's fast divergence test and the race's reasoned one are one rule.
@Suite struct DivergenceRuleTests {
    @Test func passesExactlyWhenThereIsNoReason() {
        let rule = DivergenceRule(escapeFactor: 2)
        let domain = Domain(x: -1...3, y: -2...2)
        let (low, high) = rule.bounds(domain)
        #expect(low == Vec2(-9, -10) && high == Vec2(11, 10))
        let values: [Double] = [0, -0.0, 1, -9, -9.000001, 11, 11.5, 10, -10.5, .infinity, -.infinity, .nan, 1e308]
        var checked = 0
        for x in values {
            for y in values.prefix(6) {
                for g in [Vec2(1, 2), Vec2(.nan, 0), Vec2(0, .infinity)] {
                    for loss in [0.5, .nan, .infinity] {
                        let reason = rule.reason(position: Vec2(x, y), loss: loss, gradient: g, domain: domain)
                        #expect(DivergenceRule.passes(x, y, g.x, g.y, loss, low: low, high: high) == (reason == nil),
                                "(\(x), \(y)) g \(g) loss \(loss)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 13 * 6 * 9)
    }
}
