import Foundation
import OptraceCore
import Testing
@testable import OptraceLive

/// `POST /api/race`: the chapter's scoreboard, changes merged into the scenario, errors named by key, and the
/// downloads equal to what `optrace race` writes.
@Suite struct LiveRaceTests {
    func racers(_ answer: [String: Any]) -> [[String: Any]] { answer["racers"] as? [[String: Any]] ?? [] }

    @Test func theDefaultRaceReadsTheChaptersScoreboardAtStep120() {
        let response = post("/api/race", #"{"scenario": "valley-bump"}"#)
        #expect(response.status == 200, "\(response.text)")
        let answer = object(response)
        #expect(answer["steps"] as? Int == 200)
        let at120 = racers(answer).map { ($0["loss"] as? [Double] ?? [])[120] }
        #expect(at120.map { NumberFormat.fixed($0, 2) } == ["1.34", "0.03", "0.02"])
        // Exactly the command line's numbers: the same run, bit for bit.
        let scenario = try! ScenarioLoader.parse(yaml: BuiltinScenarios.text(named: "valley-bump")!, file: "x", defaultName: "valley-bump")
        let result = scenario.run()
        let losses = exactNumbers(response, key: "loss"), xs = exactNumbers(response, key: "x")
        #expect(losses.count == 3)
        for (k, trajectory) in result.trajectories.enumerated() {
            #expect(losses[k] == trajectory.losses.map { Optional($0) })
            #expect(xs[k] == trajectory.positions.map { Optional($0.x) })
            #expect(racers(answer)[k]["first_step_below_threshold"] as? Int == trajectory.firstStep(below: scenario.threshold))
        }
        #expect(racers(answer).map { $0["color"] as? String ?? "" }.allSatisfy { $0.count == 7 && $0.hasPrefix("#") })
        // The noise, the same for every racer, is sent once.
        let noise = (answer["noise_steps"] as? [String: Any])?["x"] as? [Any] ?? []
        #expect(noise.count == 201 && racers(answer).allSatisfy { $0["nx"] == nil })
        #expect(result.trajectories.allSatisfy { $0.noise.map(\.x) == result.trajectories[0].noise.map(\.x) })
        #expect((answer["yaml"] as? String) == BuiltinScenarios.text(named: "valley-bump"))
        let spec = answer["spec"] as? [String: Any] ?? [:]
        #expect(spec["steps"] as? Int == 200)
        #expect((spec["racers"] as? [[String: Any]])?.map { $0["name"] as? String ?? "" } == ["SGD", "Momentum", "Adam"])
        #expect((answer["javascript"] as? String ?? "").contains("Math.exp"))
    }

    @Test func changesAreMergedAndTheYAMLReproducesTheRace() throws {
        let body = json([
            "scenario": "valley-bump", "steps": 150, "noise": ["sigma": 0.1, "seed": 7],
            "racers": [["name": "Fast Adam", "optimizer": "adam", "lr": 0.5], ["name": "Nesterov", "optimizer": "sgd", "lr": 0.1, "momentum": 0.9, "nesterov": true]],
        ])
        let response = post("/api/race", body)
        #expect(response.status == 200, "\(response.text)")
        let answer = object(response)
        #expect(answer["steps"] as? Int == 150)
        #expect(racers(answer).map { $0["name"] as? String ?? "" } == ["Fast Adam", "Nesterov"])
        // The YAML the page downloads is a scenario `optrace race` runs to the same numbers.
        let yaml = answer["yaml"] as? String ?? ""
        let reloaded = try ScenarioLoader.parse(yaml: yaml, file: "downloaded.yaml")
        #expect(reloaded.steps == 150 && reloaded.noise.seed == 7 && reloaded.checkpoints.last == 150)
        let result = reloaded.run()
        let losses = exactNumbers(response, key: "loss")
        #expect(losses.count == 2)
        for (k, trajectory) in result.trajectories.enumerated() {
            #expect(losses[k] == trajectory.losses.map { Optional($0) })
        }
        let spec = answer["spec"] as? [String: Any] ?? [:]
        #expect((spec["noise"] as? [String: Any])?["seed"] as? Int == 7)
    }

    @Test func badInputNamesTheKeyAndTheRule() {
        let cases: [(String, String, String?)] = [
            (#"{"scenario": "valley-bump", "racers": [{"name": "A", "optimizer": "adam", "lr": -1}]}"#, "racers[0].lr", "racers[0].lr"),
            (#"{"scenario": "valley-bump", "racers": [{"name": "A", "optimizer": "adamm", "lr": 1}]}"#, "did you mean 'adam'", "racers[0].optimizer"),
            (#"{"scenario": "valley-bump", "steps": 20001}"#, "the live limit", "steps"),
            (#"{"scenario": "valley-bump", "steps": -3}"#, "steps", "steps"),
            (#"{"scenario": "valley-bump", "steps": "many"}"#, "whole number", "steps"),
            (#"{"scenario": "valley-bump", "noise": {"sigma": "nan"}}"#, "noise.sigma", "noise.sigma"),
            (#"{"scenario": "valley-bump", "stepz": 3}"#, "did you mean 'steps'", "stepz"),
            (#"{"scenario": "../etc/passwd"}"#, "a name, not a path", "scenario"),
            (#"{"scenario": "nope"}"#, "no scenario named 'nope'", "scenario"),
            (#"{"yaml": "name: x\nsteps: [1"}"#, "scenario.yaml:", "yaml"),
            (#"{"scenario": "valley-bump", "yaml": "x: 1"}"#, "not both", "yaml"),
            (#"{}"#, "expected 'scenario'", "scenario"),
            (#"[1, 2]"#, "expected a JSON object", nil),
            (#"{"scenario": "valley-bump""#, "request:2:1: YAML syntax error", nil),
            ("", "is empty", nil),
        ]
        for (body, fragment, field) in cases {
            let response = post("/api/race", body)
            let answer = object(response)
            let message = answer["error"] as? String ?? ""
            #expect(response.status == 400 || response.status == 404, "\(body)")
            #expect(message.contains(fragment), "\(body): \(message)")
            #expect(!message.contains("\n"), "\(body): one line")
            #expect(answer["field"] as? String == field, "\(body): field \(String(describing: answer["field"]))")
        }
        let invalid = app.respond(to: LiveRequest(method: "POST", target: "/api/race", body: [0xFF, 0xFE, 0x7B]))
        #expect(invalid.status == 400 && (object(invalid)["error"] as? String ?? "").contains("UTF-8"))
    }

    @Test func aDivergingRacerIsReportedNotFatal() {
        let response = post("/api/race", #"{"scenario": "valley-bump", "racers": [{"name": "Wild", "optimizer": "sgd", "lr": 50}]}"#)
        #expect(response.status == 200, "\(response.text)")
        let racer = racers(object(response)).first ?? [:]
        #expect((racer["status"] as? String ?? "").hasPrefix("diverged at step"))
        #expect(racer["diverged_at_step"] as? Int != nil && racer["reason"] as? String != nil)
    }

    @Test func theSurfaceMapAndItsPlotRectangle() {
        let response = post("/api/surface?width=800&height=600", #"{"scenario": "valley-bump"}"#)
        #expect(response.status == 200, "\(response.text)")
        let answer = object(response)
        #expect(answer["width"] as? Int == 800 && answer["height"] as? Int == 600)
        #expect((answer["image"] as? String ?? "").hasPrefix("data:image/png;base64,iVBORw0KGgo"))
        let plot = answer["plot"] as? [String: Double] ?? [:]
        #expect((plot["x"] ?? 0) > 20 && (plot["width"] ?? 0) > 500 && (plot["y"] ?? 0) + (plot["height"] ?? 0) < 600)
        #expect(answer["x"] as? [Double] == [-6, 12] && answer["y"] as? [Double] == [-5, 5])
        // A change of racers or noise draws nothing new: the map is cached by the scenario's text and size.
        let again = post("/api/surface?width=800&height=600", #"{"scenario": "valley-bump", "noise": {"sigma": 0.5}}"#)
        #expect(object(again)["image"] as? String == answer["image"] as? String)
        #expect(post("/api/surface?width=99999", #"{"scenario": "valley-bump"}"#).status == 400)
        #expect(object(post("/api/surface?scale=x", #"{"scenario": "valley-bump"}"#))["field"] as? String == "scale")
    }

    /// The downloads are byte for byte what `optrace race` writes for the same scenario.
    @Test func downloadsAreTheCommandLinesFiles() throws {
        let out = temporaryFolder() + "/race"
        let run = optrace("race", "valley-bump", "--out", out, "--no-frames", "--quiet", "--animation", "apng,gif,webp")
        #expect(run.code == 0, "\(run.stderr)")
        let body = #"{"scenario": "valley-bump"}"#
        for file in ["trajectory.csv", "scoreboard.json", "race.apng", "race.gif", "race.webp", "summary.png"] {
            let response = post("/api/race/file/\(file)", body)
            #expect(response.status == 200, "\(file): \(response.text.prefix(200))")
            #expect(response.body == bytes(out + "/" + file), "\(file) equals optrace race's")
            #expect(response.headers.contains { $0.name == "Content-Disposition" && $0.value.contains("attachment") })
        }
        let yaml = post("/api/race/file/scenario.yaml", body)
        #expect(yaml.text == BuiltinScenarios.text(named: "valley-bump"))
        #expect(post("/api/race/file/secret.txt", body).status == 404)
        #expect(post("/api/race/file/race.apng", #"{"scenario": "nope"}"#).status == 404)
    }
}
