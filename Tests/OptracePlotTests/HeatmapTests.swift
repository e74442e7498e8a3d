import Testing
@testable import OptracePlot

@Suite struct HeatmapTests {
    static func scene(diverged: [Double], values: [Double?]) -> HeatmapScene {
        HeatmapScene(
            title: "t", subtitle: "s", columns: [0.01, 0.1, 1, 10], rows: [0, 0.5, 0.9], xLabel: "lr", yLabel: "beta",
            xSpacing: .log, ySpacing: .linear, valueLabel: "loss", values: values, diverged: diverged, best: (0, 0),
            theoryBest: nil, theoryBoundary: nil, notes: [])
    }

    /// Pixels that differ from the background in the key below the colour bar.
    static func keyInk(_ scene: HeatmapScene) -> Int {
        let renderer = HeatmapRenderer(scene: scene)
        let image = renderer.render()
        let style = FigureStyle()
        let plotMaxY = renderer.height - 42 - 8, plotMaxX = renderer.width - style.margin - 175
        let (r, g, b, _) = style.background.rgba8
        var ink = 0
        for y in Int(plotMaxY - 56)..<Int(plotMaxY + 2) {
            for x in Int(plotMaxX + 18)..<image.width {
                let p = image.pixel(x: x, y: y)
                if p.0 != r || p.1 != g || p.2 != b { ink += 1 }
            }
        }
        return ink
    }

    @Test func theKeyListsOnlyWhatThePictureShows() {
        let values: [Double?] = (0..<12).map { Double($0 + 1) }
        let calm = Self.keyInk(Self.scene(diverged: Array(repeating: 0, count: 12), values: values))
        #expect(calm == 0)
        var diverged = [Double](repeating: 0, count: 12)
        diverged[3] = 1; diverged[7] = 1; diverged[6] = 0.2
        var missing = values
        missing[5] = nil
        let busy = Self.keyInk(Self.scene(diverged: diverged, values: missing))
        #expect(busy > 300)
    }
}
