import Foundation
import Testing
@testable import OptraceCore

@Suite struct TuneSpecTests {
    @Test func gridAxesIncludeBothEnds() throws {
        let log = try SweepAxis.parse("lr=0.001:3:log:64", random: false)
        #expect(log.scale == .log && log.count == 64 && log.values.first == 0.001 && log.values.last == 3)
        let ratios = zip(log.values, log.values.dropFirst()).map { $1 / $0 }
        #expect(ratios.allSatisfy { abs($0 - ratios[0]) < 1e-12 })
        let linear = try SweepAxis.parse("beta=0:0.99:48", random: false)
        #expect(linear.values.count == 48 && linear.values[0] == 0 && linear.values[47] == 0.99)
        #expect(abs(linear.values[1] - 0.99 / 47) < 1e-15)
        let pair = try SweepAxis.parse("betas[1]=0.9:0.9999:log:5", random: false)
        #expect(pair.parameter == "betas" && pair.component == 1)
    }

    @Test func aLog1mAxisSpacesOneMinusTheValueInLog() throws {
        let beta = try SweepAxis.parse("beta=0:0.999:log1m:64", random: false)
        #expect(beta.scale == .log1m && beta.values.first == 0 && beta.values.last == 0.999)
        #expect(beta.specification == "beta=0:0.999:log1m:64")
        // 1 − β falls by the same factor from value to value: 10^(−3/63).
        let ratios = zip(beta.values, beta.values.dropFirst()).map { (1 - $1) / (1 - $0) }
        #expect(ratios.allSatisfy { abs($0 - pow(10, -3.0 / 63)) < 1e-12 })
        // β > 0.9 gets two thirds of the rows (a linear axis gives it 7 of 64).
        #expect(beta.values.filter { $0 > 0.9 }.count == 42)
        let linear = try SweepAxis.parse("beta=0:0.999:64", random: false)
        #expect(linear.values.filter { $0 > 0.9 }.count == 7)
        let quarter = try SweepAxis.parse("beta=0:0.999:log1m:4", random: false)
        for (v, expected) in zip(quarter.values, [0, 0.9, 0.99, 0.999]) { #expect(abs(v - expected) < 1e-12) }
        let sampled = try SweepAxis.parse("beta=0.5:0.9999:log1m", random: true)
        #expect(sampled.scale == .log1m && sampled.count == nil)
        #expect(throws: TuneError.self) { try SweepAxis.parse("beta=0:1:log1m:8", random: false) }
        do {
            _ = try SweepAxis.parse("beta=0.5:1.5:log1m:8", random: false)
            Issue.record("accepted an axis reaching 1")
        } catch {
            #expect(error.message.contains("log1m axis") && error.message.contains("< 1"))
        }
    }

    @Test(arguments: [
        ("lr=1:0.1:8", "inverted"),
        ("lr=0.1:0.1:8", "empty"),
        ("lr=0:1:log:8", "log axis"),
        ("lr=-1:1:log:8", "log axis"),
        ("lr=0.1:1:1", "at least 2"),
        ("lr=0.1:1:x", "whole number"),
        ("lr=0.1:1", "expected"),
        ("lr", "expected"),
        ("lr=a:1:4", "not a finite number"),
        ("lr=0.1:inf:4", "not a finite number"),
    ])
    func badAxesAreRefused(text: String, words: String) {
        #expect(throws: TuneError.self) { try SweepAxis.parse(text, random: false) }
        do {
            _ = try SweepAxis.parse(text, random: false)
        } catch {
            #expect(error.message.contains(words), "\(error.message)")
        }
    }

    @Test func gridCellsRunTheFirstAxisFastest() throws {
        let plan = try SweepPlan(axes: [
            SweepAxis(name: "lr", low: 1, high: 4, scale: .linear, count: 4),
            SweepAxis(name: "beta", low: 0, high: 0.5, scale: .linear, count: 3),
        ])
        #expect(plan.cellCount == 12)
        #expect(plan.point(0) == [1, 0] && plan.point(3) == [4, 0] && plan.point(4) == [1, 0.25] && plan.point(11) == [4, 0.5])
        #expect(plan.coordinates(6) == [2, 1])
    }

    @Test func tooManyCellsAndAxesAreRefused() {
        let big = SweepAxis(name: "lr", low: 1, high: 2, scale: .linear, count: 2000)
        let other = SweepAxis(name: "beta", low: 0, high: 0.5, scale: .linear, count: 1000)
        #expect(throws: TuneError.self) { try SweepPlan(axes: [big, other]) }
        let third = SweepAxis(name: "eps", low: 1e-8, high: 1e-4, scale: .log, count: 2)
        #expect(throws: TuneError.self) { try SweepPlan(axes: [other, third, big]) }
        #expect(throws: TuneError.self) { try SweepPlan(axes: []) }
        #expect(throws: TuneError.self) { try SweepPlan(axes: [other, other]) }
    }

    @Test func randomSamplesStayInRangeAndDependOnlyOnSeedAndIndex() throws {
        let axes = [
            SweepAxis(name: "lr", low: 1e-4, high: 1, scale: .log, count: nil),
            SweepAxis(name: "beta", low: 0, high: 0.99, scale: .linear, count: nil),
        ]
        let plan = try SweepPlan(axes: axes, randomCount: 500, randomSeed: 9)
        let again = try SweepPlan(axes: axes, randomCount: 10, randomSeed: 9)
        #expect(plan.point(7) == again.point(7))
        let other = try SweepPlan(axes: axes, randomCount: 10, randomSeed: 10)
        #expect(plan.point(7) != other.point(7))
        let points = (0..<500).map(plan.point)
        #expect(points.allSatisfy { $0[0] >= 1e-4 && $0[0] <= 1 && $0[1] >= 0 && $0[1] <= 0.99 })
        // Log-uniform: about a quarter of the samples in each decade.
        let lowDecade = points.filter { $0[0] < 1e-3 }.count
        #expect(lowDecade > 80 && lowDecade < 170)
    }

    @Test func objectivesParseAndRefuse() throws {
        #expect(try SweepObjective.parse("final-loss") == .finalLoss)
        #expect(try SweepObjective.parse("steps-to:1e-3") == .stepsTo(1e-3))
        #expect(throws: TuneError.self) { try SweepObjective.parse("steps-to:-1") }
        #expect(throws: TuneError.self) { try SweepObjective.parse("final-los") }
    }

    @Test func targetsCheckParametersAndTheirRanges() throws {
        let target = try TuneTarget(racer: Racer(name: "M", definition: OptimizerCatalog.momentum))
        func check(_ text: String) throws {
            try target.check(try SweepPlan(axes: [try SweepAxis.parse(text, random: false)]))
        }
        try check("beta=0:0.99:4")
        #expect(throws: TuneError.self) { try check("beta=0:1:4") }
        #expect(throws: TuneError.self) { try check("bta=0:0.5:4") }
        #expect(throws: TuneError.self) { try check("eps=0.1:1:4") }
        #expect(throws: TuneError.self) { try check("lr[0]=0.1:1:4") }
    }

    @Test func cellsCountDivergedRunsApartAndRankByThemFirst() {
        let a = SweepCell(index: 0, values: [1], outcomes: [(false, 1.0), (false, 3.0), (true, nil), (true, nil)])
        #expect(a.mean == 2 && a.std == 2.0.squareRoot() && a.diverged == 0.5 && a.runs == 4)
        let b = SweepCell(index: 1, values: [2], outcomes: [(false, 5.0), (false, 5.0), (false, 5.0), (false, 5.0)])
        #expect(b.std == 0 && b.ranks(before: a))
        let none = SweepCell(index: 2, values: [3], outcomes: [(true, nil)])
        #expect(none.mean == nil && none.diverged == 1 && a.ranks(before: none))
    }

    @Test func theWindowIsTheUnbrokenRunWithinTheFactor() {
        let means: [Double?] = [9, 5, 1.5, 1, 4, 30, nil]
        let cells = means.enumerated().map { i, m in
            SweepCell(index: i, values: [pow10(i)], runs: 1, mean: m, std: 0, diverged: m == nil ? 1 : 0, unreached: 0)
        }
        let w = SweepWindow(line: cells, best: 3, factor: 5, ideal: 0)
        #expect(w.low == pow10(1) && w.high == pow10(4) && w.decades == 3 && w.divergesAbove == pow10(6) && w.divergesBelow == nil)
    }

    private func pow10(_ i: Int) -> Double { [1, 10, 100, 1000, 10000, 100000, 1000000][i] }
}
