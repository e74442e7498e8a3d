import Foundation
import Testing

@testable import OptraceCore

/// The shared table of βᵗ gives exactly `pow`'s values, within its budget, for shared and per-lane bases.
struct PowerTableTests {
    @Test func theTableHoldsPowsValues() {
        let table = PowerTable(steps: 300)
        let series = table.powers(of: 0.999)!
        #expect(series.count == 301, "one beyond the last step, for NAdam's μₜ₊₁")
        for t in [1, 2, 7, 150, 300] { #expect(series[t - 1].bitPattern == Foundation.pow(0.999, Double(t)).bitPattern) }
        #expect(table.powers(of: 0.999)! == series)
    }

    @Test func aBaseBeyondTheBudgetGetsNoSeries() {
        let table = PowerTable(steps: 100, budget: 250)
        #expect(table.powers(of: 0.9) != nil)
        #expect(table.powers(of: 0.8) != nil)
        #expect(table.powers(of: 0.7) == nil)
        #expect(table.powers(of: 0.9) != nil, "a known base is still served")
    }

    @Test func lookupsEqualPowerInEveryLaneAndPastTheTable() {
        let table = PowerTable(steps: 50)
        let shared = PowerLookup(Lanes(repeating: 0.9), table: table)
        let perLane = PowerLookup(Lanes(lanes: { 0.5 + 0.05 * Double($0) }), table: table)
        let none = PowerLookup(Lanes(lanes: { 0.5 + 0.05 * Double($0) }), table: nil)
        for t in [1, 2, 49, 50, 51, 400] {
            for lookup in [shared, perLane, none] {
                let value = lookup.at(t), expected = Lanes.power(lookup.base, t)
                for i in 0..<Lanes.scalarCount { #expect(value[i].bitPattern == expected[i].bitPattern, "t \(t) lane \(i)") }
            }
        }
        #expect(PowerLookup(0.99, table: table).at(30) == Foundation.pow(0.99, 30))
    }

    @Test func scaledPowersEqualPowOfTheScaledStep() {
        let table = PowerTable(steps: 40)
        let psi = Lanes(lanes: { 0.004 * Double($0 + 1) })
        for lookup in [
            PowerLookup(0.96, scale: psi, table: table), PowerLookup(0.96, scale: Lanes(repeating: 0.004), table: table),
            PowerLookup(0.96, scale: psi, table: nil),
        ] {
            for t in [1, 5, 40, 41, 42, 90] {
                let value = lookup.at(t)
                for i in 0..<Lanes.scalarCount {
                    let scale = lookup.at(1) == Lanes(repeating: Foundation.pow(0.96, 0.004)) ? 0.004 : psi[i]
                    #expect(value[i].bitPattern == Foundation.pow(0.96, Double(t) * scale).bitPattern, "t \(t) lane \(i)")
                }
            }
        }
    }
}
