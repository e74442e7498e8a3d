import Foundation
import Testing
@testable import OptraceCLI
import OptraceTestSupport

/// `surface.minima` holds at most 1000 points, however few bytes the file spends on them.
@Suite struct MinimaLimitTests {
    func scenario(minima: String) -> String {
        ValleyScenario.yaml(minima: minima, steps: 20, racers: ["{name: SGD, optimizer: sgd, lr: 1.6}"])
    }

    @Test func aliasesCannotMultiplyMinimaPastTheLimit() {
        // 200,001 minima in about 600 KB: refused at once instead of racing for minutes.
        let path = scenarioFile(scenario(minima: "[&p [0, 0]" + String(repeating: ",*p", count: 200_000) + "]"))
        let out = temporaryFolder() + "/out"
        let run = optrace("race", path, "--out", out)
        #expect(run.code == 2)
        #expect(run.stderr == "optrace: \(path):6:11: surface.minima: expected at most 1000 minima, found 200001\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func theLimitItselfRuns() {
        let points = (0..<1000).map { "[\(Double($0 % 40) * 0.25), \(Double($0 / 40) * 0.25)]" }.joined(separator: ", ")
        let out = temporaryFolder()
        let run = optrace("race", scenarioFile(scenario(minima: "[\(points)]")), "--out", out, "--quiet", "--no-render")
        #expect(run.code == 0, "\(run.stderr)")
        let many = (0..<1001).map { _ in "[0, 0]" }.joined(separator: ", ")
        let path = scenarioFile(scenario(minima: "[\(many)]"))
        #expect(optrace("race", path, "--out", out + "/x").stderr == "optrace: \(path):6:11: surface.minima: expected at most 1000 minima, found 1001\n")
    }
}
