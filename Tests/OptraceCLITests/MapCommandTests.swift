import Foundation
import Testing
@testable import OptraceCLI
@testable import OptraceCore

@Suite struct MapCommandTests {
    @Test func everyStartIsRunAndClassified() throws {
        let out = temporaryFolder() + "/m"
        let run = optrace("map", "valley-bump", "--racer", "SGD", "--grid", "12x9", "--steps", "150", "--out", out, "--no-render")
        #expect(run.code == 0, "\(run.stderr)")
        let rows = text(out + "/map.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 1 + 12 * 9)
        #expect(rows[0].joined(separator: ",") == "x,y,ending,minimum,final_x,final_y,final_loss,diverged_step")
        #expect(rows[1][0] == "-6.0" && rows[1][1] == "-5.0" && rows[12][0] == "12.0" && rows.last![1] == "5.0")
        // SGD at η = 1.6 parks in front of the bump from some starts and reaches the global minimum from others.
        let endings = Set(rows.dropFirst().map { "\($0[2]):\($0[3])" })
        #expect(endings.count >= 2, "\(endings)")
        #expect(run.stdout.contains("reach (") && run.stdout.contains("diverge"))
        // Each row equals a race of that racer from that start.
        let scenario = try ScenarioLocator.load("valley-bump").with(steps: 150)
        for row in rows.dropFirst().prefix(20) {
            var race = scenario
            race.start = Vec2(Double(row[0])!, Double(row[1])!)
            race.racers = [scenario.racers[0]]
            let trajectory = race.run().trajectories[0]
            #expect(Double(row[4]) == trajectory.positions.last!.x && Double(row[6]) == trajectory.losses.last!)
        }
    }

    @Test func theMapIsTheSameForAnyThreadCount() {
        let a = temporaryFolder() + "/a", b = temporaryFolder() + "/b"
        #expect(optrace("map", "himmelblau", "--racer", "Momentum", "--grid", "10x10", "--steps", "60", "--threads", "1", "--out", a, "--quiet", "--no-render").code == 0)
        #expect(optrace("map", "himmelblau", "--racer", "Momentum", "--grid", "10x10", "--steps", "60", "--threads", "3", "--out", b, "--quiet", "--no-render").code == 0)
        #expect(text(a + "/map.csv").count > 1000 && text(a + "/map.csv") == text(b + "/map.csv"))
    }
}
