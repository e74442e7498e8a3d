import Foundation
import Testing
@testable import OptraceCLI
@testable import OptracePictures
@testable import OptraceCore

@Suite struct RaceCommandTests {
    @Test func theDefaultRaceWritesItsDataAndScoreboard() throws {
        let out = temporaryFolder() + "/vb"
        let run = optrace("race", "--out", out, "--no-frames", "--size", "400x300")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Elongated valley and a Gaussian bump"))
        #expect(run.stdout.contains("step 120   SGD 1.34 · Momentum 0.03 · Adam 0.02\n"))
        #expect(contents(out).contains("trajectory.csv") && contents(out).contains("scoreboard.json"))

        let csv = try String(contentsOfFile: out + "/trajectory.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "racer,step,x,y,loss,grad_x,grad_y,noise_x,noise_y")
        #expect(lines.count == 1 + 3 * 201 + 1 && lines.last == "")
        #expect(lines[1].hasPrefix("SGD,0,10.0,4.0,") && lines[1].hasSuffix(",,,,"))
        let row = lines[121].split(separator: ",", omittingEmptySubsequences: false)
        #expect(row[0] == "SGD" && row[1] == "120")
        #expect(NumberFormat.fixed(Double(row[4])!, 2) == "1.34")

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/scoreboard.json"))) as! [String: Any]
        #expect(json["scenario"] as? String == "valley-bump")
        #expect(json["seed"] as? Int == 13081)
        #expect(json["steps"] as? Int == 200)
        let racers = json["racers"] as! [[String: Any]]
        #expect(racers.map { $0["name"] as! String } == ["SGD", "Momentum", "Adam"])
        #expect((racers[1]["hyperparameters"] as! [String: Any])["beta"] as? Double == 0.9)
        let checkpoints = racers[2]["checkpoints"] as! [[String: Any]]
        #expect(checkpoints.map { $0["step"] as! Int } == [60, 120, 200])
        #expect(checkpoints[1].keys.sorted() == ["distance", "loss", "rank", "status", "step", "x", "y"])
    }

    @Test func numbersInTheCSVRoundTripExactly() throws {
        let out = temporaryFolder()
        #expect(optrace("race", "--out", out, "--quiet", "--steps", "30", "--no-render").code == 0)
        let scenario = try ScenarioLocator.load(nil).with(steps: 30)
        let result = scenario.run()
        let csv = try String(contentsOfFile: out + "/trajectory.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        for (i, trajectory) in result.trajectories.enumerated() {
            for t in 1...30 {
                let row = rows[i * 31 + t]
                #expect(Double(row[2]) == trajectory.positions[t].x && Double(row[3]) == trajectory.positions[t].y)
                #expect(Double(row[4]) == trajectory.losses[t])
                #expect(Double(row[5]) == trajectory.gradients[t].x && Double(row[8]) == trajectory.noise[t].y)
            }
        }
    }

    @Test func sameSeedSameBytes() throws {
        let a = temporaryFolder(), b = temporaryFolder()
        #expect(optrace("race", "--out", a, "--quiet", "--seed", "5", "--no-render").code == 0)
        #expect(optrace("race", "--out", b, "--quiet", "--seed", "5", "--no-render").code == 0)
        for file in ["trajectory.csv", "scoreboard.json"] {
            #expect(FileManager.default.contents(atPath: "\(a)/\(file)") == FileManager.default.contents(atPath: "\(b)/\(file)"))
        }
        let c = temporaryFolder()
        #expect(optrace("race", "--out", c, "--quiet", "--seed", "6", "--no-render").code == 0)
        #expect(FileManager.default.contents(atPath: "\(a)/trajectory.csv") != FileManager.default.contents(atPath: "\(c)/trajectory.csv"))
    }

    @Test func everyShippedScenarioRuns() {
        for name in BuiltinScenarios.names {
            let out = temporaryFolder()
            let run = optrace("race", name, "--out", out, "--quiet", "--no-render")
            #expect(run.code == 0, "\(name): \(run.stderr)")
            #expect(contents(out).contains("scoreboard.json"), "\(name)")
        }
    }

    @Test func scenarioPathsAndNamesResolve() {
        let out = temporaryFolder()
        let path = packageRoot + "/scenarios/rosenbrock.yaml"
        #expect(optrace("race", path, "--out", out, "--quiet", "--steps", "5", "--no-render").code == 0)
        let unknown = optrace("race", "rosenbrok", "--out", out)
        #expect(unknown.code == 2)
        #expect(unknown.stderr.contains("did you mean 'rosenbrock'?"))
    }

    @Test func builtInScenariosEqualTheFilesInScenarios() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/scenarios").filter { $0.hasSuffix(".yaml") }
        #expect(files.map { String($0.dropLast(5)) }.sorted() == (BuiltinScenarios.names + BuiltinScenarios.modelNames).sorted())
        for file in files {
            let text = try String(contentsOfFile: packageRoot + "/scenarios/" + file, encoding: .utf8)
            #expect(BuiltinScenarios.text(named: String(file.dropLast(5))) == text, "run scripts/embed-scenarios after editing \(file)")
        }
    }
}

/// A racer may start from its own point: one optimizer raced from several starts.
@Suite struct RacerStartTests {
    static let scenario = """
        name: starts
        title: One optimizer from several starts
        surface:
          terms:
            - himmelblau
          domain: {x: [-6, 6], y: [-6, 6]}
        start: [0, 0]
        steps: 60
        racers:
          - {name: from NE, optimizer: adam, lr: 0.1, start: [5, 5]}
          - {name: from SW, optimizer: adam, lr: 0.1, start: [-5, -5]}
          - {name: from the centre, optimizer: adam, lr: 0.1}
        """

    @Test func eachRacerStartsWhereItSays() throws {
        let scenario = try ScenarioLoader.parse(yaml: Self.scenario, file: "starts.yaml")
        let result = scenario.run()
        #expect(result.trajectories.map { $0.positions[0] } == [Vec2(5, 5), Vec2(-5, -5), Vec2(0, 0)])
        let out = temporaryFolder()
        let run = optrace("race", scenarioFile(Self.scenario, name: "starts.yaml"), "--no-render", "--out", out)
        #expect(run.code == 0, "\(run.stderr)")
        let json = try String(contentsOfFile: out + "/scoreboard.json", encoding: .utf8)
        #expect(json.contains("\"start\": [5.0, 5.0]") && json.contains("\"start\": [-5.0, -5.0]"), "\(json.prefix(400))")
        #expect(RaceScenes.subtitle(scenario).contains("3 starts (rings)"))
    }

    @Test func aTunedRaceKeepsEachRacersStart() throws {
        let out = temporaryFolder()
        let run = optrace("tune", scenarioFile(Self.scenario, name: "starts.yaml"), "--all-racers", "--budget", "8", "--steps", "20",
                          "--out", out, "--no-render", "--quiet")
        #expect(run.code == 0, "\(run.stderr)")
        let yaml = try String(contentsOfFile: out + "/tuned.yaml", encoding: .utf8)
        #expect(yaml.contains("start: [5.0, 5.0]") && yaml.contains("start: [-5.0, -5.0]"), "\(yaml)")
    }

    @Test func aBadStartIsRefused() {
        let text = Self.scenario.replacingOccurrences(of: "start: [5, 5]", with: "start: [5, .nan]")
        let run = optrace("race", scenarioFile(text, name: "bad.yaml"), "--no-render", "--out", temporaryFolder() + "/x")
        #expect(run.code == 2 && run.stderr.contains("racers[0].start[1]: expected a finite number, found NaN"), "\(run.stderr)")
    }
}
