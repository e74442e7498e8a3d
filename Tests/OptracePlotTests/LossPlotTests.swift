import Testing
@testable import OptracePlot

@Suite struct LossPlotTests {
    @Test func rendersDemoLossesWithCheckpointsAndDivergence() throws {
        let scene = LossPlotScene(title: "Loss by step", subtitle: "default surface, 120 steps",
                                  racers: DemoRace.racers(), checkpoints: [30, 60, 90])
        let img = LossPlotRenderer(scene: scene, width: 800, height: 450).render()
        #expect(img.width == 800 && img.height == 450 && img.isOpaque)
        DemoRace.saveArtifact("loss.png", try PNGEncoder().encode(img))
        // The diverged racer is marked in the plot: some pixels carry the diverged label's red.
        var red = 0
        for y in 0..<img.height {
            for x in 0..<img.width {
                let (r, g, b, _) = img.pixel(x: x, y: y)
                if r > 180 && g < 80 && b < 80 { red += 1 }
            }
        }
        #expect(red > 20)
    }

    @Test func yRangeIgnoresNonPositiveAndNonFiniteLosses() {
        let r = RacerTrack(name: "a", legendLabel: "a", points: [], losses: [0, -1, .nan, .infinity, 0.01, 100])
        let range = LossPlotRenderer.yRange([r])
        #expect(range.lowerBound < 0.01 && range.lowerBound > 0.001)
        #expect(range.upperBound > 100 && range.upperBound < 1000)
        #expect(LossPlotRenderer.yRange([]) == 0.1...10)
        // Rendering such data never crashes.
        let img = LossPlotRenderer(scene: LossPlotScene(title: "edge", racers: [r], checkpoints: [-3, 2, 99]), width: 300, height: 200).render()
        #expect(img.width == 300)
    }
}
