import Foundation
import Testing
@testable import OptraceLive

/// Only built-in scenarios and `scenarios/NAME.yaml` are read, by name; no request can name a path.
@Suite struct LiveScenarioFolderTests {
    let folder: String
    let local: LiveApp

    init() throws {
        folder = temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/scenarios", withIntermediateDirectories: true)
        try """
        name: bowl
        title: A round bowl
        surface:
          expr: x^2 + y^2
          domain: {x: [-2, 2], y: [-2, 2]}
        start: [1.5, 1]
        steps: 50
        racers:
          - {name: SGD, optimizer: sgd, lr: 0.1}
        """.write(toFile: folder + "/scenarios/bowl.yaml", atomically: true, encoding: .utf8)
        try "name: broken\nsteps: [".write(toFile: folder + "/scenarios/broken.yaml", atomically: true, encoding: .utf8)
        try "secret".write(toFile: folder + "/secret.yaml", atomically: true, encoding: .utf8)
        local = LiveApp(scenarioFolder: folder)
    }

    @Test func localScenariosAreListedAndRaced() {
        let list = (try? JSONSerialization.jsonObject(with: Data(get("/api/scenarios", on: local).body))) as? [[String: Any]] ?? []
        #expect(list.prefix(2).map { $0["name"] as? String } == ["bowl", "broken"])
        #expect(list[0]["local"] as? Bool == true && list[0]["title"] as? String == "A round bowl")
        #expect(list[1]["error"] as? String != nil)
        #expect(get("/race/bowl", on: local).status == 200)
        let race = object(post("/api/race", #"{"scenario": "bowl"}"#, on: local))
        #expect(race["steps"] as? Int == 50)
        let broken = object(post("/api/race", #"{"scenario": "broken"}"#, on: local))
        #expect((broken["error"] as? String ?? "").hasPrefix("scenarios/broken.yaml:3:1: YAML syntax error"), "\(broken)")
    }

    @Test func noRequestReadsAFileOutsideScenarios() {
        let attempts = ["../secret", "..", "../scenarios/bowl", "/etc/passwd", "bowl/../../secret", "secret", "%2e%2e%2fsecret", "bowl.yaml", ".hidden", "a\0b"]
        for name in attempts {
            let body = json(["scenario": name])
            let response = post("/api/race", body, on: local)
            #expect(response.status == 400 || response.status == 404, "\(name)")
            #expect(!response.text.contains("secret\""), "\(name)")
        }
        for target in ["/race/..%2Fsecret", "/race/%2E%2E", "/api/thumbnail/..%2Fsecret.png", "/tune/..%2F..%2Fetc%2Fpasswd", "/race/../secret"] {
            let response = get(target, on: local)
            #expect(response.status == 400 || response.status == 404, "\(target)")
        }
        #expect(!LiveScenarios.isValidName("../x") && !LiveScenarios.isValidName("a/b") && !LiveScenarios.isValidName("")
            && !LiveScenarios.isValidName(".x") && !LiveScenarios.isValidName(String(repeating: "a", count: 65)))
        #expect(LiveScenarios.isValidName("valley-bump") && LiveScenarios.isValidName("my_race.v2"))
    }

    @Test func aYAMLBodyRacesWithoutAnyFile() {
        let yaml = "name: mine\nsurface:\n  expr: (x-1)^2 + 3*y^2\n  domain: {x: [-2, 3], y: [-2, 2]}\nstart: [-1, 1]\nsteps: 40\nracers:\n  - {name: Adam, optimizer: adam, lr: 0.1}\n"
        let response = post("/api/race", json(["yaml": yaml]), on: local)
        #expect(response.status == 200, "\(response.text)")
        #expect(object(response)["name"] as? String == "mine")
        let bad = object(post("/api/race", json(["yaml": yaml.replacingOccurrences(of: "lr: 0.1", with: "lr: fast")]), on: local))
        #expect((bad["error"] as? String ?? "").hasPrefix("scenario.yaml:8:"), "\(bad)")
        #expect(bad["field"] as? String == "racers[0].lr")
    }
}
