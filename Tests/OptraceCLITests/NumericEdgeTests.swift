import Foundation
import Testing
@testable import OptraceCLI

/// Overflow, NaN from a log of a negative, division by zero: racers diverge with the reason; nothing crashes.
@Suite struct NumericEdgeTests {
    func race(_ expr: String, domain: String, start: String, racers: String) -> (CommandOutcome, [[String: Any]]) {
        let yaml = """
            name: edge
            surface:
              expr: "\(expr)"
              domain: \(domain)
            start: \(start)
            steps: 60
            racers:
            \(racers)
            """
        let out = temporaryFolder()
        let run = optrace("race", scenarioFile(yaml), "--out", out, "--size", "300x200", "--no-frames")
        let data = FileManager.default.contents(atPath: out + "/scoreboard.json") ?? Data()
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        if run.code == 0 {
            #expect(contents(out).contains("summary.png") && contents(out).contains("race.apng"))
        }
        return (run, json?["racers"] as? [[String: Any]] ?? [])
    }

    @Test func logOfANegativeNumber() {
        let (run, racers) = race(
            "log(x) + (y-1)^2", domain: "{x: [-2, 4], y: [-2, 3]}", start: "[3, 2]",
            racers: "  - {name: Leaper, optimizer: sgd, lr: 3}\n  - {name: Walker, optimizer: sgd, lr: 0.01}")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(racers[0]["status"] as? String == "diverged at step 3")
        #expect((racers[0]["reason"] as? String)?.hasPrefix("loss is NaN at (") == true)
        #expect(racers[1]["status"] as? String == "finished")
        #expect(run.stdout.contains("Leaper diverged at step 3: loss is NaN at (-5.5, -124)"))
    }

    @Test func divisionByZero() {
        let (run, racers) = race(
            "1/x + y^2", domain: "{x: [-1, 1], y: [-1, 1]}", start: "[-0.5, 0.5]",
            racers: "  - {name: Onto, optimizer: sgd, lr: 0.125}")
        #expect(run.code == 0, "\(run.stderr)")
        // ∂f/∂x = -1/x² = -4 at x = -0.5, so one step of 0.125 lands exactly on x = 0.
        #expect(racers[0]["status"] as? String == "diverged at step 1")
        #expect(racers[0]["reason"] as? String == "loss is infinite at (0, 0.375) (division by zero or overflow)")
    }

    @Test func overflowToInfinity() {
        let (run, _) = race(
            "exp(exp(x)) + y^2", domain: "{x: [-3, 3], y: [-1, 1]}", start: "[2, 0.5]",
            racers: "  - {name: Climber, optimizer: sgd, lr: -0.5}")
        #expect(run.code == 2 && run.stderr.contains("lr: expected a finite number > 0"))
        let (up, uphill) = race(
            "-exp(exp(x)) + y^2", domain: "{x: [-3, 3], y: [-1, 1]}", start: "[2, 0.5]",
            racers: "  - {name: Runaway, optimizer: sgd, lr: 0.5}")
        #expect(up.code == 0, "\(up.stderr)")
        let reason = uphill[0]["reason"] as? String ?? ""
        #expect(reason.contains("infinit"), "\(reason)")
    }
}
