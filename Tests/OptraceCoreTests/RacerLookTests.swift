import Testing
@testable import OptraceCore
import OptraceTestSupport

/// A racer's own `color:` and `dash:`: read from the scenario, kept by tune and written back in tuned.yaml.
@Suite struct RacerLookTests {
    static let yaml = ValleyScenario.yaml(steps: 20, racers: [
        "{name: A, optimizer: sgd, lr: 0.1, color: Sky_Blue, dash: dotted}",
        "{name: B, optimizer: adam, lr: 0.1, color: \"#00AAff\"}",
        "{name: C, optimizer: momentum, lr: 0.1}",
    ])

    @Test func colourAndDashAreRead() throws {
        let scenario = try ScenarioLoader.parse(yaml: Self.yaml, file: "t.yaml")
        let r = scenario.racers
        #expect(r[0].color == "sky_blue" && r[0].colorRGB == 0x56B4E9 && r[0].dash == "dotted")
        #expect(r[1].color == "#00aaff" && r[1].colorRGB == 0x00AAFF && r[1].dash == nil)
        #expect(r[2].color == nil && r[2].colorRGB == nil && r[2].dash == nil)
    }

    @Test func tunedYamlWritesThemBack() throws {
        let scenario = try ScenarioLoader.parse(yaml: Self.yaml, file: "t.yaml")
        let text = TunedScenario.yaml(scenario, racers: scenario.racers, name: "t", note: "n", description: "d")
        let again = try ScenarioLoader.parse(yaml: text, file: "tuned.yaml")
        #expect(again.racers.map(\.color) == scenario.racers.map(\.color))
        #expect(again.racers.map(\.dash) == scenario.racers.map(\.dash))
    }

    @Test func badChoicesAreRefused() {
        for (bad, key) in [("color: red", "color"), ("color: \"#12345\"", "color"), ("dash: wavy", "dash")] {
            let text = Self.yaml.replacingOccurrences(of: "color: Sky_Blue, dash: dotted", with: bad)
            #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(yaml: text, file: "t.yaml") }
            do {
                _ = try ScenarioLoader.parse(yaml: text, file: "t.yaml")
            } catch {
                #expect(error.keyPath == "racers[0].\(key)")
                #expect(error.message.hasPrefix("expected a \(key == "dash" ? "dash" : "colour")"))
            }
        }
    }
}
