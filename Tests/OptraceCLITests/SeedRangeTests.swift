import Foundation
import Testing
@testable import OptraceCLI

/// Seeds take the whole range 0…2⁶⁴ − 1, in scenarios and on the command line, and are written back exactly;
/// negative numbers given to numeric options are refused by their range check, not taken for options.
@Suite struct SeedRangeTests {
    static let largest = "18446744073709551615"

    func scenario(seed: String) -> String {
        BadInputTests.valid.replacingOccurrences(of: "seed: 1}", with: "seed: \(seed)}")
    }

    func refusal(_ arguments: String...) -> String {
        let out = temporaryFolder() + "/out"
        let run = optrace(arguments + ["--out", out])
        #expect(run.code == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
        return run.stderr
    }

    @Test func theCommandLineSeedTakesTheWholeRange() throws {
        for bad in ["-1", "18446744073709551616", "99999999999999999999999", "abc", "1.5", "+5", " 5", ""] {
            #expect(refusal("race", "--seed", bad, "--steps", "5")
                == "optrace: --seed: expected a whole number from 0 to 18446744073709551615, found \(bad.isEmpty ? "nothing" : bad) (see 'optrace help')\n")
        }
        for seed in ["0", "18446744073709551614", Self.largest] {
            let out = temporaryFolder()
            let run = optrace("race", "--seed", seed, "--steps", "20", "--out", out, "--quiet", "--no-render")
            #expect(run.code == 0, "\(run.stderr)")
            #expect(try String(contentsOfFile: out + "/scoreboard.json", encoding: .utf8).contains("\"seed\": \(seed),"))
        }
        // Different seeds near the top give different noise.
        let a = temporaryFolder(), b = temporaryFolder()
        _ = optrace("race", "--seed", Self.largest, "--steps", "20", "--out", a, "--quiet", "--no-render")
        _ = optrace("race", "--seed", "18446744073709551614", "--steps", "20", "--out", b, "--quiet", "--no-render")
        #expect(try Data(contentsOf: URL(fileURLWithPath: a + "/trajectory.csv")) != Data(contentsOf: URL(fileURLWithPath: b + "/trajectory.csv")))
    }

    @Test func negativeNumbersMeetTheirRangeChecks() {
        #expect(refusal("race", "--steps", "-5") == "optrace: --steps: expected a whole number from 1 to 10000000, found -5 (see 'optrace help')\n")
        #expect(refusal("race", "--tail", "-3") == "optrace: --tail: expected a whole number ≥ 1, found -3 (see 'optrace help')\n")
        #expect(refusal("race", "--every", "-2") == "optrace: --every: expected a whole number ≥ 1, found -2 (see 'optrace help')\n")
        #expect(refusal("race", "--threads", "-1") == "optrace: --threads: expected a whole number ≥ 1, found -1 (see 'optrace help')\n")
        #expect(refusal("tune", "valley-bump", "--param", "lr=0.1:1:4", "--seeds", "-2")
            == "optrace: --seeds: expected a whole number from 1 to 1000, found -2 (see 'optrace help')\n")
        #expect(refusal("tune", "valley-bump", "--param", "lr=0.1:1:4", "--random-seed", "-1")
            == "optrace: --random-seed: expected a whole number from 0 to 18446744073709551615, found -1 (see 'optrace help')\n")
        #expect(refusal("map", "valley-bump", "--racer", "Adam", "--steps", "-1")
            == "optrace: --steps: expected a whole number from 1 to 10000000, found -1 (see 'optrace help')\n")
    }

    @Test func theScenarioSeedTakesTheWholeRange() throws {
        for bad in ["-1", "18446744073709551616", "1.5", "'7'"] {
            let path = scenarioFile(scenario(seed: bad))
            let found = bad == "'7'" ? "'7' (a string)" : bad
            #expect(refusal("race", path) == "optrace: \(path):8:27: noise.seed: expected a whole number from 0 to 18446744073709551615, found \(found)\n")
        }
        let path = scenarioFile(scenario(seed: Self.largest), name: "top.yaml")
        let out = temporaryFolder()
        let run = optrace("race", path, "--out", out, "--quiet", "--no-render")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: out + "/scoreboard.json", encoding: .utf8).contains("\"seed\": \(Self.largest),"))
    }

    @Test func tuneWritesSeedsNearTheTopExactly() throws {
        let path = scenarioFile(scenario(seed: "18446744073709551614"), name: "top.yaml")
        let out = temporaryFolder() + "/tune"
        let run = optrace(
            "tune", path, "--racer", "Adam", "--param", "lr=0.01:1:log:4", "--seeds", "3", "--steps", "20",
            "--random-seed", Self.largest, "--out", out, "--no-render", "--quiet")
        #expect(run.code == 0, "\(run.stderr)")
        let json = try String(contentsOfFile: out + "/tune.json", encoding: .utf8)
        // The seeds after the largest wrap around to 0.
        #expect(json.contains("\"seeds\": [18446744073709551614, 18446744073709551615, 0]"), "\(json.prefix(900))")

        let all = temporaryFolder() + "/all"
        let tuned = optrace(
            "tune", path, "--all-racers", "--budget", "4", "--seeds", "2", "--steps", "20", "--out", all, "--no-render", "--quiet")
        #expect(tuned.code == 0, "\(tuned.stderr)")
        let yaml = try String(contentsOfFile: all + "/tuned.yaml", encoding: .utf8)
        #expect(yaml.contains("seed: 18446744073709551614}"))
        #expect(try String(contentsOfFile: all + "/tune.json", encoding: .utf8).contains("18446744073709551615"))
    }
}
