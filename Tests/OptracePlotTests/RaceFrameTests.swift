import Foundation
import Testing
@testable import OptracePlot

@Suite struct RaceFrameTests {
    @Test func demoFrameHasRequestedSizeAndIsOpaque() throws {
        let renderer = RaceFrameRenderer(scene: DemoRace.scene(), width: 800, height: 600, scale: 1)
        let mid = renderer.renderFrame(step: 60, fadingTail: nil)
        #expect(mid.width == 800 && mid.height == 600)
        #expect(mid.isOpaque)
        let encoder = PNGEncoder()
        DemoRace.saveArtifact("race-step60.png", try encoder.encode(mid))
        DemoRace.saveArtifact("race-step8.png", try encoder.encode(renderer.renderFrame(step: 8, fadingTail: nil)))
        DemoRace.saveArtifact("race-tail.png", try encoder.encode(renderer.renderFrame(step: 40, fadingTail: 12)))
        DemoRace.saveArtifact("race-summary.png", try encoder.encode(renderer.renderSummary()))
        let hi = RaceFrameRenderer(scene: DemoRace.scene(), width: 800, height: 600, scale: 2)
        let big = hi.renderFrame(step: 60, fadingTail: nil)
        #expect(big.width == 1600 && big.height == 1200)
        DemoRace.saveArtifact("race-step60@2x.png", try encoder.encode(big))
    }
}
