import Testing
import OptraceCore
import OptracePlot
@testable import OptraceCLI
@testable import OptracePictures
import OptraceTestSupport

/// The racers' styles on the way from a scenario to the pictures: own choices kept, coinciding paths re-dashed.
@Suite struct RacerStyleSceneTests {
    static let scenario = ValleyScenario.yaml(
        name: "twins", steps: 40, noise: "{sigma: 0.2, seed: 3}",
        racers: [
            "{name: A, optimizer: sgd, lr: 0.1}",
            "{name: A again, optimizer: sgd, lr: 0.1}",
            "{name: A once more, optimizer: sgd, lr: 0.1}",
            "{name: Adam, optimizer: adam, lr: 0.3, color: \"#123456\", dash: dotted}",
            "{name: Blue, optimizer: adam, lr: 0.1, color: blue}",
        ])

    @Test func ownChoicesAreKeptAndTwinsGetOtherDashes() throws {
        let scenario = try ScenarioLoader.parse(yaml: Self.scenario, file: "twins.yaml")
        let tracks = RaceScenes.tracks(scenario.run())
        let styles = tracks.enumerated().map { $0.element.style(index: $0.offset) }
        // Three identical paths: solid, then two other dashes, so every one shows.
        #expect(styles[0].dash == .solid)
        #expect(Set(styles[0...2].map(\.dash)).count == 3)
        #expect(styles[3] == RacerStyle(color: RGBColor(hex: 0x123456), dash: .dotted, marker: .circle))
        #expect(styles[4].color == RGBColor(hex: 0x0072B2) && styles[4].dash == .solid)
    }
}

/// The gallery's sixteen-racer scenario in docs/ races, and every racer gets its own style.
@Suite struct SixteenRacerGalleryTests {
    @Test func theSixteenRacerScenarioRacesWithSixteenStyles() throws {
        let scenario = try ScenarioLocator.load(packageRoot + "/docs/sixteen-racers.yaml")
        #expect(scenario.racers.count == 16)
        let tracks = RaceScenes.tracks(scenario.run())
        #expect(Set(tracks.enumerated().map { $0.element.style(index: $0.offset) }).count == 16)
        #expect(tracks.allSatisfy { $0.divergedAtStep == nil })
    }
}
