import Foundation
import Testing
import Yams
@testable import OptraceCLI
@testable import OptraceCore

/// `optrace race` on network scenarios and `optrace audit`.
@Suite struct NetworkCommandTests {
    @Test func theXORCellPrintsTheChaptersLossesAndPredictions() throws {
        let out = temporaryFolder()
        let run = optrace("race", "xor", "--out", out)
        #expect(run.code == 0, "\(run.stderr)")
        for line in ["epoch   0   loss 0.7503", "epoch  25   loss 0.2788", "epoch 200   loss 0.0069",
                     "predictions: 0.00 0.99 0.99 0.01 0.00 0.99 0.99 0.01", "targets:     0.00 1.00 1.00 0.00 0.00 1.00 1.00 0.00"] {
            #expect(run.stdout.contains(line), "missing '\(line)' in\n\(run.stdout)")
        }
        #expect(contents(out) == ["boundary.apng", "boundary.png", "loss.png", "scoreboard.json", "trajectory.csv"])
        // A frame every 4 epochs (0 … 200) and the final weights: 52 frames, the boundary moving between them.
        let apng = try APNGComposer(Array(try Data(contentsOf: URL(fileURLWithPath: out + "/boundary.apng"))))
        #expect(apng.frameCount == 52 && apng.frames.count == 52)
        #expect(apng.frames.first != apng.frames.last)
        let csv = try String(contentsOfFile: out + "/trajectory.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "racer,epoch,loss,grad_norm,param_norm" && csv.count == 1 + 201)
        #expect(csv[1].hasPrefix("GD,0,0.7503361742080502,"))
        let board = try #require(try Yams.load(yaml: String(contentsOfFile: out + "/scoreboard.json", encoding: .utf8)) as? [String: Any])
        let racer = try #require((board["racers"] as? [[String: Any]])?.first)
        #expect(racer["rank"] as? Int == 1 && racer["status"] as? String == "finished" && racer["accuracy"] as? Double == 1)
        let final = try #require(racer["final_loss"] as? Double)
        #expect(abs(final - 0.006900569094543873) < 1e-12)
    }

    @Test func theChaptersSuggestionsWork() {
        // "change lr to 8.0 or the seed to 1": seed 1 from the command line.
        let run = optrace("race", "xor", "--seed", "1", "--out", temporaryFolder(), "--no-render")
        #expect(run.code == 0 && run.stdout.contains("epoch   0   loss 0.6822") && run.stdout.contains("epoch 200   loss 0.0069"), "\(run.stdout)")
        let hot = scenarioFile(BuiltinScenarios.text(named: "xor")!.replacingOccurrences(of: "lr: 2.0", with: "lr: 8.0"), name: "hot.yaml")
        let eight = optrace("race", hot, "--out", temporaryFolder(), "--no-render")
        #expect(eight.code == 0 && eight.stdout.contains("epoch  25   loss 1.1008") && eight.stdout.contains("predictions: 0.00 0.01 1.00 0.01"), "\(eight.stdout)")
    }

    @Test func aRaceOfFourIsDeterministicAndRanked() throws {
        let a = temporaryFolder(), b = temporaryFolder()
        let first = optrace("race", "moons", "--steps", "8", "--out", a, "--quiet")
        let second = optrace("race", "moons", "--steps", "8", "--out", b, "--quiet")
        #expect(first.code == 0 && second.code == 0, "\(first.stderr)")
        #expect(contents(a) == ["boundary.apng", "boundary.png", "loss.png", "scoreboard.json", "trajectory.csv"])
        for file in ["trajectory.csv", "scoreboard.json", "loss.png", "boundary.png", "boundary.apng"] {
            #expect(FileManager.default.contents(atPath: "\(a)/\(file)") == FileManager.default.contents(atPath: "\(b)/\(file)"), "\(file)")
        }
        let board = try #require(try Yams.load(yaml: String(contentsOfFile: a + "/scoreboard.json", encoding: .utf8)) as? [String: Any])
        let ranks = (board["racers"] as? [[String: Any]])?.compactMap { $0["rank"] as? Int }
        #expect(ranks?.sorted() == [1, 2, 3, 4])
    }

    @Test func theAuditPassesAndTheSabotageFailsIt() {
        let honest = optrace("audit")
        #expect(honest.code == 0, "\(honest.stderr)")
        #expect(honest.stdout.contains("np.allclose verdict: True (hand-written), True (tape)"))
        #expect(honest.stdout.contains("cost: backprop = 2 passes total; numerical = 34 passes for 17 params"))
        #expect(honest.stdout.contains("W1[0,0]") && honest.stdout.contains("b2[0]"))
        let sabotaged = optrace("audit", "xor", "--sabotage", "tanh-gate")
        #expect(sabotaged.code == 1)
        #expect(sabotaged.stdout.contains("np.allclose verdict: False (hand-written), True (tape)"))
        let json = optrace("audit", "--json")
        #expect(json.code == 0 && json.stdout.contains("\"hand_agrees\": true"))
        let unknown = optrace("audit", "--sabotage", "relu-gate")
        #expect(unknown.code == 2 && unknown.stderr.contains("expected one of tanh-gate"))
        let surface = optrace("audit", "valley-bump")
        #expect(surface.code == 2 && surface.stderr.contains("needs a scenario with model:"))
    }

    /// A model scenario with `change` applied to the xor scenario's text.
    func xorVariant(_ replace: String, with text: String) -> String {
        let base = BuiltinScenarios.text(named: "xor")!
        precondition(base.contains(replace))
        return scenarioFile(base.replacingOccurrences(of: replace, with: text), name: "variant.yaml")
    }

    @Test func badModelScenariosGetOneLineAndExit2() {
        let cases: [(String, String, String)] = [
            ("layers: [2, 4, 1]", "layers: [3, 4, 1]", "model.layers[0]: the first layer has 3 units but the data's examples have 2 inputs; expected 2"),
            ("layers: [2, 4, 1]", "layers: [2, 4, 2]", "model.layers[2]: the last layer has 2 units but the data's examples have 1 target; expected 1"),
            ("activation: tanh", "activation: tahn", "model.activation: unknown activation 'tahn' (did you mean 'tanh'?)"),
            ("{normal: 1.0,", "{normal: -1.0,", "model.init.normal: expected the weights' standard deviation σ > 0, found -1"),
            ("data: xor8", "data: {points: [], targets: []}", "model.data.points: expected at least one point, found an empty list"),
            ("epochs: 201", "epochs: -5", "model.epochs: expected a whole number of epochs from 1 to 1000000"),
            ("output: sigmoid", "output: relu", "loss bce needs output: sigmoid"),
            ("data: xor8", "data: {moons: {n: 50, noise: -0.1}}", "model.data.moons.noise: expected a noise σ ≥ 0, found -0.1"),
        ]
        for (from, to, message) in cases {
            let path = xorVariant(from, with: to)
            let out = temporaryFolder() + "/never"
            let run = optrace("race", path, "--out", out)
            #expect(run.code == 2, "\(to): \(run.stdout)")
            #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains(message), "\(to): \(run.stderr)")
            #expect(run.stderr.contains("variant.yaml"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func surfaceCommandsRefuseANetworkScenario() {
        let tune = optrace("tune", "xor", "--racer", "GD", "--param", "lr=0.1:1:5", "--out", temporaryFolder())
        #expect(tune.code == 2 && tune.stderr.contains("is a network scenario"), "\(tune.stderr)")
    }

    @Test func listShowsTheNetworkScenarios() {
        let run = optrace("list", "scenarios")
        #expect(run.stdout.contains("Network scenarios") && run.stdout.contains("xor") && run.stdout.contains("moons"))
    }

    @Test func theDepthStudyWritesItsTableAndPicture() throws {
        let out = temporaryFolder()
        let run = optrace("depth", "--depth", "30", "--width", "8", "--train-steps", "10", "--out", out)
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("sigmoid, N(0,1)") && run.stdout.contains("scalar chain 0.9^30"))
        #expect(run.stdout.contains("training race: 10 steps of SGD"))
        #expect(contents(out) == ["depth-training.csv", "depth-training.png", "depth.csv", "depth.png"])
        let csv = try String(contentsOfFile: out + "/depth.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 20 * 31)
        let bad = optrace("depth", "--depth", "0", "--out", temporaryFolder())
        #expect(bad.code == 2 && bad.stderr.contains("--depth: expected a whole number from 1 to 1000, found 0"))
    }

    @Test func theLandscapeWritesItsPictureAndPaths() throws {
        let out = temporaryFolder()
        let run = optrace("landscape", "xor", "--resolution", "21", "--out", out)
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("GD: ") && run.stdout.contains("of its path in the plane"))
        #expect(contents(out) == ["landscape.csv", "landscape.png"])
        let csv = try String(contentsOfFile: out + "/landscape.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "racer,epoch,alpha,beta,loss" && csv.count == 1 + 102)
        #expect(csv.last?.hasPrefix("GD,201,") == true)
        let bad = optrace("landscape", "--directions", "pcb", "--out", temporaryFolder())
        #expect(bad.code == 2 && bad.stderr.contains("(did you mean 'pca'?)"))
        let surface = optrace("landscape", "valley-bump", "--out", temporaryFolder())
        #expect(surface.code == 2 && surface.stderr.contains("needs a scenario with model:"))
    }

    @Test func racersKeepTheirSchedulesAndClippingOnANetwork() throws {
        let path = xorVariant("  - {name: GD, optimizer: sgd, lr: 2.0}", with: """
              - {name: GD, optimizer: sgd, lr: 2.0}
              - {name: Cosine, optimizer: sgd, lr: 2.0, schedule: {type: warmup_cosine, warmup_steps: 20, decay_steps: 200}}
              - {name: Clipped, optimizer: sgd, lr: 2.0, clip_norm: 0.05}
            """)
        let out = temporaryFolder()
        let run = optrace("race", path, "--out", out, "--no-render", "--steps", "60")
        #expect(run.code == 0, "\(run.stderr)")
        let rows = try String(contentsOfFile: out + "/trajectory.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        func losses(_ racer: String) -> [Double] { rows.filter { $0.hasPrefix(racer + ",") }.map { Double($0.split(separator: ",")[2])! } }
        let (plain, cosine, clipped) = (losses("GD"), losses("Cosine"), losses("Clipped"))
        #expect(plain.count == 60 && cosine.count == 60 && clipped.count == 60)
        // Same start; the warm-up's first update is a twentieth of GD's, and clipping caps each step.
        #expect(plain[0] == cosine[0] && plain[0] == clipped[0])
        #expect(cosine[1] != plain[1] && clipped[1] != plain[1])
        #expect(abs(cosine[1] - plain[0]) < abs(plain[1] - plain[0]))
    }
}
