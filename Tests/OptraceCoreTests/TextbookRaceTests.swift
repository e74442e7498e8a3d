import Foundation
import Testing
@testable import OptraceCore

/// The chapter's Instrument M8.2 race, `scenarios/valley-bump.yaml`, and its story.
@Suite struct TextbookRaceTests {
    static let scenario: Scenario = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return try! ScenarioLoader.load(path: url.path + "/scenarios/valley-bump.yaml")
    }()

    func losses(_ result: RaceResult, at step: Int) -> [Double] {
        result.trajectories.map { $0.losses[step] }
    }

    @Test func theScenarioIsTheChaptersSurface() {
        let s = Self.scenario
        #expect(s.start == Vec2(10, 4) && s.steps == 200 && s.checkpoints == [60, 120, 200])
        #expect(s.noise.sigma == Vec2(0.2, 0.2) && s.noise.batch == 1)
        #expect(s.racers.map(\.optimizerName) == ["sgd", "momentum", "adam"])
        #expect(s.racers.map { $0.hyperparameters.number("lr") } == [1.6, 0.22, 0.30])
        var evaluator = s.surface.makeEvaluator()
        for p in [Vec2(10, 4), Vec2(3, 0.2), Vec2(-2, 1.5), Vec2(4.6, -0.1)] {
            let dx = p.x - 3, dy = p.y - 0.2
            let f = 0.5 * (0.1 * p.x * p.x + p.y * p.y) + 1.5 * exp(-(dx * dx + dy * dy) / (2 * 0.8 * 0.8))
            #expect(abs(evaluator.value(at: p) - f) < 1e-14)
        }
    }

    /// The default seed makes step 120 read as the chapter's scoreboard: 1.34 / 0.03 / 0.02.
    @Test func step120ReadsAsTheChaptersScoreboard() {
        let result = Self.scenario.run()
        #expect(losses(result, at: 120).map { NumberFormat.fixed($0, 2) } == ["1.34", "0.03", "0.02"])
        #expect(result.trajectories.allSatisfy { $0.status == .finished })
    }

    @Test func withoutNoiseTheReferenceRunReads1252And00012() {
        var scenario = Self.scenario
        scenario.noise = .none
        let l = losses(scenario.run(), at: 120)
        #expect(NumberFormat.fixed(l[0], 3) == "1.252")
        #expect(NumberFormat.fixedSignificant(l[1], 2) == "0.0012")
        #expect(NumberFormat.fixedSignificant(l[2], 2) == "0.0012")
    }

    @Test func sgdParksInFrontOfTheBump() {
        let sgd = Self.scenario.run().trajectories[0]
        #expect(sgd.positions.allSatisfy { $0.x > 3.4 })
        let final = sgd.positions.last!
        #expect(abs(final.x - 4.6) < 0.1 && abs(final.y + 0.1) < 0.1)
        #expect(abs(sgd.losses.last! - 1.25) < 0.01)
        let local = Self.scenario.surface.minima.first { !$0.isGlobal }!
        #expect(abs(local.point.x - 4.6) < 0.05 && abs(local.value - 1.25) < 0.01)
    }

    @Test func momentumOvershootsPastMinusOneAndSwingsBack() {
        let momentum = Self.scenario.run().trajectories[1]
        let lowest = momentum.positions.map(\.x).min()!
        #expect(lowest < -1)
        #expect(abs(momentum.positions.last!.x) < 0.5)
    }

    @Test func adamGoesAroundTheBumpOnTheLowSide() {
        let adam = Self.scenario.run().trajectories[2]
        let passing = adam.positions.filter { abs($0.x - 3) < 0.5 }
        #expect(!passing.isEmpty)
        #expect(passing.allSatisfy { $0.y < 0.2 - 0.8 })
    }

    @Test func medianOverSeedsMatchesTheReferenceRun() {
        // Reference: over seeds 1–50 the step-120 medians are SGD ≈ 1.33, momentum ≈ 0.026, Adam ≈ 0.008.
        var columns: [[Double]] = [[], [], []]
        for seed in 1...50 {
            let l = losses(Self.scenario.with(seed: UInt64(seed)).with(steps: 120).run(concurrent: false), at: 120)
            for i in 0..<3 { columns[i].append(l[i]) }
        }
        let medians = columns.map { c -> Double in let s = c.sorted(); return (s[24] + s[25]) / 2 }
        #expect(medians[0] > 1.25 && medians[0] < 1.46)
        #expect(medians[1] > 0.007 && medians[1] < 0.094)
        #expect(medians[2] > 0.002 && medians[2] < 0.024)
    }
}
