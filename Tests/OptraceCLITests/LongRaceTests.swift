import Foundation
import Testing
import OptracePlot
@testable import OptraceCLI
@testable import OptraceCore
import OptraceTestSupport

/// Races longer than the full-record limit: streamed CSV, strided pictures, exact scoreboard.
@Suite struct LongRaceTests {
    @Test func aLongRaceWritesWhatAnInMemoryRunWould() throws {
        let steps = TrajectoryRecording.fullRecordLimit + 2_345
        // valley-bump with one noisy racer and one that diverges at a step off the stride.
        let file = scenarioFile(
            ValleyScenario.yaml(
                name: "long-race", bump: true, steps: steps, noise: "{sigma: 0.2, seed: 13081}",
                racers: ["{name: Momentum, optimizer: momentum, lr: 0.22, beta: 0.9}", "{name: Wild, optimizer: sgd, lr: 2.3}"],
                extra: ["checkpoints: [7, 60001, \(steps)]", "threshold: 0.05"]),
            name: "long-race.yaml")
        let out = temporaryFolder() + "/long"
        let run = optrace("race", file, "--out", out, "--quiet", "--every", "20000", "--no-frames", "--size", "400x300")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(contents(out) == ["loss.png", "race.apng", "scoreboard.json", "summary.png", "trajectory.csv"])

        let scenario = try ScenarioLocator.load(file)
        let result = scenario.run()
        let csv = try #require(FileManager.default.contents(atPath: out + "/trajectory.csv"))
        #expect([UInt8](csv) == TrajectoryCSV.render(result))
        let json = try #require(FileManager.default.contents(atPath: out + "/scoreboard.json"))
        #expect(String(decoding: json, as: UTF8.self) == ScoreboardJSON.document(scenario, result).serialized())
        #expect(result.trajectories[1].status.isDiverged && result.trajectories[0].firstStep(below: 0.05) != nil)
        let summary = try PNGDecoder.decodeStraight([UInt8](try #require(FileManager.default.contents(atPath: out + "/summary.png"))))
        #expect(summary.width == 400 && summary.height == 300)
    }
}
