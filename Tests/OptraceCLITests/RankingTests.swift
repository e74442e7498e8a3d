import Foundation
import OptracePlot
import Testing
@testable import OptraceCLI
@testable import OptraceCore

/// One ranking rule everywhere: equal losses share a rank in the terminal, the JSON and the frames' panel.
@Suite struct RankingTests {
    @Test func equalLossesShareARank() {
        #expect(Ranking.ranks([0.5, 0.5, 0.2, nil, 0.5]) == [2, 2, 1, nil, 2])
        #expect(Ranking.ranks([1, 1, 1]) == [1, 1, 1])
        #expect(Ranking.ranks([3, 1, 2]) == [3, 1, 2])
        #expect(Ranking.ranks([nil, nil]) == [nil, nil])
    }

    @Test func thePanelRanksByTheSameRule() {
        let random = SplitMix64(state: 11)
        var index: UInt64 = 0
        func next() -> UInt64 { index += 1; return random.word(index) }
        for _ in 0..<500 {
            let losses: [Double?] = (0..<Int(next() % 8)).map { _ in
                let r = next() % 5
                return r == 0 ? nil : Double(r % 3)
            }
            #expect(StandingRanks.ranks(losses) == Ranking.ranks(losses), "\(losses)")
        }
    }

    @Test func twinRacersTieInTheTableAndTheJSON() throws {
        var text = try String(contentsOfFile: packageRoot + "/scenarios/valley-bump.yaml", encoding: .utf8)
        let adam = try #require(text.split(separator: "\n").first { $0.contains("optimizer: adam") })
        text = text.replacingOccurrences(of: String(adam), with: String(adam) + "\n" + adam.replacingOccurrences(of: "Adam", with: "Adam twin"))
        let file = scenarioFile(text, name: "twins.yaml")
        let out = temporaryFolder()
        let run = optrace("race", file, "--no-render", "--out", out)
        #expect(run.code == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/scoreboard.json"))) as? [String: Any])
        let racers = try #require(json["racers"] as? [[String: Any]])
        let checkpoints = racers.map { ($0["checkpoints"] as? [[String: Any]] ?? []).map { $0["rank"] as? Int } }
        #expect(checkpoints[2] == checkpoints[3] && !checkpoints[2].isEmpty, "Adam and its twin share every rank")
        // The terminal table prints the same entries: the twins' rows end alike after their names.
        let rows = run.stdout.split(separator: "\n").filter { $0.contains(" adam ") }.map { row in
            row.split(separator: " ", omittingEmptySubsequences: true).drop { $0 != "adam" }.joined(separator: " ")
        }
        #expect(rows.count == 2 * checkpoints[2].count && stride(from: 0, to: rows.count, by: 2).allSatisfy { rows[$0] == rows[$0 + 1] }, "\(rows)")
    }
}
