import Foundation
import OptraceCore
import Testing
@testable import OptraceLive

/// `POST /api/grad`: the graph stepper's numbers, the same document as `optrace grad --json`.
@Suite struct LiveGradTests {
    @Test func presetAGivesTheChaptersReadouts() {
        let response = post("/api/grad", #"{"preset": "A"}"#)
        #expect(response.status == 200, "\(response.text)")
        let answer = object(response)
        let gradient = answer["gradient"] as? [String: Double] ?? [:]
        let step = answer["step"] as? [String: Any] ?? [:]
        #expect(NumberFormat.fixed(answer["value"] as? Double ?? .nan, 4) == "0.0713")
        #expect(NumberFormat.fixed(gradient["w"] ?? .nan, 4) == "-0.1774")
        #expect(NumberFormat.fixed(gradient["b"] ?? .nan, 4) == "-0.0887")
        #expect(NumberFormat.fixed(step["value"] as? Double ?? .nan, 4) == "0.0392")
        let graph = answer["graph"] as? [String: Any] ?? [:]
        #expect((graph["nodes"] as? [Any])?.count == 12 && (graph["edges"] as? [Any])?.count == 11)
    }

    @Test func theAnswerIsTheCommandLinesJSON() {
        let run = optrace("grad", "--preset", "B", "--json")
        #expect(run.code == 0)
        let response = post("/api/grad", #"{"preset": "B"}"#)
        let cli = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? NSDictionary
        let live = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? NSDictionary
        #expect(cli != nil && cli == live)
    }

    @Test func anExpressionWithInputsAndItsStep() {
        let response = post("/api/grad", #"{"expression": "x^2*y + sin(x)", "at": {"x": 1, "y": 2}, "step": ["x"], "lr": 0.1}"#)
        #expect(response.status == 200, "\(response.text)")
        let gradient = object(response)["gradient"] as? [String: Double] ?? [:]
        #expect(abs((gradient["x"] ?? 0) - (4 + cos(1.0))) < 1e-12 && gradient["y"] == 1)
    }

    @Test func badQuestionsNameTheirField() {
        let cases: [(String, String, String)] = [
            (#"{"expression": "x^"}"#, "expression, column", "expression"),
            (#"{"expression": "x+y", "at": {"x": 1}}"#, "missing a value for 'y'", "at"),
            (#"{"expression": "x", "at": {"x": 1, "z": 2}}"#, "'z' is not a variable", "at"),
            (#"{"expression": "x", "at": {"x": "one"}}"#, "finite number", "at.x"),
            (#"{"expression": "x", "at": {"x": 1}, "step": ["x", "x"]}"#, "given twice", "step"),
            (#"{"expression": "x", "at": {"x": 1}, "lr": 0}"#, "lr", "lr"),
            (#"{"preset": "C"}"#, "A or B", "preset"),
            (#"{"preset": "A", "expression": "x"}"#, "not both", "preset"),
            (#"{"expresion": "x"}"#, "did you mean 'expression'", "expresion"),
            (#"{}"#, "expected an expression or a preset", "expression"),
        ]
        for (body, fragment, field) in cases {
            let answer = object(post("/api/grad", body))
            #expect((answer["error"] as? String ?? "").contains(fragment), "\(body): \(answer)")
            #expect(answer["field"] as? String == field, "\(body)")
        }
        let long = String(repeating: "x+", count: 1200) + "x"
        #expect(post("/api/grad", json(["expression": long, "at": ["x": 1]])).status == 400)
    }
}

/// `POST /api/tune`: a small sweep, checked against the live limits.
@Suite struct LiveTuneTests {
    @Test func aSweepOfTheLearningRateFindsAWindow() {
        let response = post("/api/tune", #"{"scenario": "valley-bump", "racer": "Momentum", "params": ["lr=0.01:1:log:24"], "seeds": 2}"#)
        #expect(response.status == 200, "\(response.text)")
        let answer = object(response)
        #expect((answer["cells"] as? [Any])?.count == 24)
        #expect(((answer["axes"] as? [[String: Any]])?.first?["values"] as? [Double])?.count == 24)
        #expect(answer["best"] is [String: Any])
        #expect(answer["racer"] as? String == "Momentum")
        // The picture optrace tune draws, with each value's place in pixels for the pointer.
        let picture = answer["picture"] as? [String: Any] ?? [:]
        #expect((picture["image"] as? String ?? "").hasPrefix("data:image/png;base64,"))
        let columns = picture["columns"] as? [Double] ?? []
        #expect(columns.count == 24 && zip(columns, columns.dropFirst()).allSatisfy { $0 < $1 })
        #expect((picture["rows"] as? [Double])?.count == 2)
    }

    @Test func aTwoParameterSweepIsAHeatmapWithCellEdges() {
        let response = post("/api/tune", #"{"scenario": "valley-bump", "racer": "Momentum", "params": ["lr=0.01:1:log:6", "beta=0:0.99:5"], "seeds": 1}"#)
        #expect(response.status == 200, "\(response.text)")
        let picture = object(response)["picture"] as? [String: Any] ?? [:]
        let columns = picture["columns"] as? [Double] ?? [], rows = picture["rows"] as? [Double] ?? []
        #expect(columns.count == 7 && rows.count == 6)
        #expect(zip(columns, columns.dropFirst()).allSatisfy { $0 < $1 })
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0 > $1 }, "rows bottom to top: y decreases")
    }

    @Test func theSweepEqualsTheCommandLines() throws {
        let out = temporaryFolder() + "/tune"
        let run = optrace("tune", "valley-bump", "--racer", "Adam", "--param", "lr=0.01:1:log:8", "--seeds", "2", "--out", out, "--no-render", "--quiet")
        #expect(run.code == 0, "\(run.stderr)")
        let cli = try JSONSerialization.jsonObject(with: Data(bytes(out + "/tune.json"))) as? [String: Any] ?? [:]
        let live = object(post("/api/tune", #"{"scenario": "valley-bump", "racer": "Adam", "params": ["lr=0.01:1:log:8"], "seeds": 2}"#))
        #expect((cli["cells"] as? NSArray) == (live["cells"] as? NSArray))
        #expect((cli["best"] as? NSDictionary) == (live["best"] as? NSDictionary))
    }

    @Test func sweepsBeyondTheLiveLimitsAreRefused() {
        let cases: [(String, String, String)] = [
            (#"{"scenario": "valley-bump", "params": ["lr=0.01:1:log:100", "beta=0:0.99:100"], "racer": "Momentum"}"#, "live limit of 4096", "params"),
            (#"{"scenario": "valley-bump", "steps": 20000, "params": ["lr=0.01:1:log:4000"], "racer": "Momentum", "seeds": 20}"#, "over the live limit", "params"),
            (#"{"scenario": "valley-bump", "params": ["zeta=0.01:1:log:10"], "racer": "Momentum"}"#, "no parameter 'zeta'", "params"),
            (#"{"scenario": "valley-bump", "params": ["lr=0.01:1:log:10"], "racer": "Nobody"}"#, "unknown racer 'Nobody'", "racer"),
            (#"{"scenario": "valley-bump", "params": []}"#, "one or two", "params"),
            (#"{"scenario": "valley-bump", "params": ["lr=0.01:1:log:8"], "seeds": 0}"#, "from 1 to 20", "seeds"),
            (#"{"scenario": "valley-bump", "params": ["lr=0.01:1:log:8"], "objective": "fastest"}"#, "unknown objective", "objective"),
        ]
        for (body, fragment, field) in cases {
            let answer = object(post("/api/tune", body))
            #expect((answer["error"] as? String ?? "").contains(fragment), "\(body): \(answer)")
            #expect(answer["field"] as? String == field, "\(body)")
        }
    }
}
