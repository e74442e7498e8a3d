import Foundation
import Testing
@testable import OptracePlot

@Suite struct RaceFrameTests {
    @Test func demoFramesHaveRequestedSizeAndAreOpaque() throws {
        let renderer = RaceFrameRenderer(scene: DemoRace.scene(), width: 800, height: 600, scale: 1)
        let mid = renderer.renderFrame(step: 60, fadingTail: nil)
        #expect(mid.width == 800 && mid.height == 600)
        #expect(mid.isOpaque)
        let encoder = PNGEncoder()
        DemoRace.saveArtifact("race-step60.png", try encoder.encode(mid))
        DemoRace.saveArtifact("trajectory.csv", Array(DemoRace.trajectoryCSV(DemoRace.racers()).utf8))
        DemoRace.saveArtifact("trajectory-3.csv", Array(DemoRace.trajectoryCSV(DemoRace.racers(includeDiverging: false)).utf8))
        DemoRace.saveArtifact("race-step8.png", try encoder.encode(renderer.renderFrame(step: 8, fadingTail: nil)))
        DemoRace.saveArtifact("race-tail.png", try encoder.encode(renderer.renderFrame(step: 40, fadingTail: 12)))
        DemoRace.saveArtifact("race-summary.png", try encoder.encode(renderer.renderSummary()))
        let hi = RaceFrameRenderer(scene: DemoRace.scene(), width: 800, height: 600, scale: 2)
        let big = hi.renderFrame(step: 60, fadingTail: nil)
        #expect(big.width == 1600 && big.height == 1200)
        DemoRace.saveArtifact("race-step60@2x.png", try encoder.encode(big))
        let f61 = renderer.renderFrame(step: 61, fadingTail: nil)
        var diff = [UInt8](repeating: 255, count: 800 * 600 * 4)
        var changed = 0
        for i in stride(from: 0, to: diff.count, by: 4) where mid.pixels[i..<(i + 4)] != f61.pixels[i..<(i + 4)] {
            diff[i] = 0; diff[i + 1] = 0; diff[i + 2] = 0
            changed += 1
        }
        DemoRace.saveArtifact("diff-60-61.png", try encoder.encode(RGBAImage(width: 800, height: 600, pixels: diff)))
        print("changed pixels 60→61: \(changed)")
        for map in [Colormap.magma, .cividis, .gray] {
            var scene = DemoRace.scene(includeDiverging: false)
            scene.colormap = map
            let img = RaceFrameRenderer(scene: scene).renderFrame(step: 60)
            #expect(img.isOpaque)
            DemoRace.saveArtifact("race-\(map.name).png", try encoder.encode(img))
        }
        let small = RaceFrameRenderer(scene: DemoRace.scene(), width: 400, height: 300, scale: 1)
        DemoRace.saveArtifact("race-400x300.png", try encoder.encode(small.renderFrame(step: 30)))
    }

    @Test func renderingIsRepeatableAndFramesStartFromTheCachedBackground() {
        let renderer = RaceFrameRenderer(scene: DemoRace.scene(steps: 30), width: 480, height: 360)
        let a = renderer.renderFrame(step: 12, fadingTail: 5)
        _ = renderer.renderFrame(step: 29, fadingTail: nil)
        let b = renderer.renderFrame(step: 12, fadingTail: 5)
        #expect(a == b)
    }

    @Test func theBumpShowsOnTheMap() {
        // The bump at (3, 0.2) lies in a higher band than the valley floor between it and the minimum.
        let scene = DemoRace.scene(steps: 1)
        let scale = ColorScale(field: scene.field, logScale: true, bandCount: scene.bandCount, colormap: .viridis)
        let bump = scale.band(scene.field.value(atX: 3, y: 0.2))!
        let valley = scale.band(scene.field.value(atX: 1.4, y: 0))!
        let behind = scale.band(scene.field.value(atX: 4.8, y: 0))!
        #expect(bump >= valley + 3)
        #expect(bump > behind)
    }

    /// Pixels that differ between two frames must lie in the plot, the step counter, or the rank and loss columns:
    /// nothing else moves as numbers change.
    @Test func onlyDynamicRegionsChangeBetweenFrames() {
        let renderer = RaceFrameRenderer(scene: DemoRace.scene(), width: 800, height: 600)
        let a = renderer.renderFrame(step: 3), b = renderer.renderFrame(step: 117)
        let L = renderer.layout
        let widestLoss = ["−8.888e−88", "diverged"].map { renderer.frame.measure($0, TextStyle(size: 11, bold: true)) }.max()!
        let allowed = [
            L.plot.insetBy(-12),
            Rect(x: L.stepRight - L.stepValueWidth - 2, y: L.stepBaseline - 12, width: L.stepValueWidth + 4, height: 16),
            Rect(x: L.table.minX, y: L.table.minY, width: L.rankRight + 2 - L.table.minX, height: L.table.height),
            Rect(x: L.lossRight - widestLoss - 2, y: L.table.minY, width: widestLoss + 4, height: L.table.height),
        ]
        var changed = 0, outside = 0
        for y in 0..<a.height {
            for x in 0..<a.width where a.pixel(x: x, y: y) != b.pixel(x: x, y: y) {
                changed += 1
                let p = SIMD2(Double(x) + 0.5, Double(y) + 0.5)
                if !allowed.contains(where: { $0.contains(p) }) { outside += 1 }
            }
        }
        #expect(changed > 1000)
        #expect(outside == 0)
    }

    @Test func longLegendLabelsStopBeforeTheLossColumn() {
        var short = DemoRace.scene(steps: 5, includeDiverging: false)
        var long = short
        short.racers[0].legendLabel = "GD"
        long.racers[0].legendLabel = "GD " + String(repeating: "very long hyperparameter list η=0.1 ", count: 6)
        let a = RaceFrameRenderer(scene: short), b = RaceFrameRenderer(scene: long)
        let imgA = a.renderFrame(step: 5), imgB = b.renderFrame(step: 5)
        let L = a.layout
        var differing = 0, differingInLossColumn = 0
        for y in Int(L.table.minY)..<Int(L.table.maxY) {
            for x in 0..<imgA.width where imgA.pixel(x: x, y: y) != imgB.pixel(x: x, y: y) {
                differing += 1
                if Double(x) >= L.legendRight { differingInLossColumn += 1 }
            }
        }
        #expect(differing > 100)
        #expect(differingInLossColumn == 0)
    }

    @Test func undefinedRegionsGetAKeyInThePanel() {
        let defined = DemoRace.scene(steps: 5, includeDiverging: false)
        var undefined = defined
        var values = defined.field.values
        for i in 0..<values.count where i % defined.field.columns < 20 { values[i] = .nan }
        let f = defined.field
        undefined.field = Field(values: values, columns: f.columns, rows: f.rows, xRange: f.xRange, yRange: f.yRange)
        let a = RaceFrameRenderer(scene: defined), b = RaceFrameRenderer(scene: undefined)
        let imgA = a.renderFrame(step: 5), imgB = b.renderFrame(step: 5)
        // The key ("f undefined" and its grey swatch) sits on the panel's header line, left of the minima's key.
        let L = a.layout
        let grey = b.style.maskedFill.rgba8
        var differing = 0, greySwatch = 0
        for y in Int(L.table.minY)..<Int(L.firstRowBaseline - L.rowHeight / 2) {
            for x in 0..<imgA.width where imgA.pixel(x: x, y: y) != imgB.pixel(x: x, y: y) {
                differing += 1
                let p = imgB.pixel(x: x, y: y)
                if p.0 == grey.0 && p.1 == grey.1 && p.2 == grey.2 { greySwatch += 1 }
            }
        }
        #expect(differing > 100)
        #expect(greySwatch >= 36)
    }

    @Test func hostileTracksNeverCrash() throws {
        var values = Field(columns: 9, rows: 7, xRange: -1...1, yRange: -1...1) { x, y in x * x + y * y - 0.5 }.values
        values[3] = .nan; values[10] = .infinity; values[60] = -.infinity
        let field = Field(values: values, columns: 9, rows: 7, xRange: -1...1, yRange: -1...1)
        let racers = [
            RacerTrack(name: "nan", legendLabel: "nan", points: [SIMD2(0.5, 0.5), SIMD2(.nan, 0), SIMD2(0.2, 0.1), SIMD2(.infinity, -.infinity)],
                       losses: [1, .nan, 0.5, .infinity], divergedAtStep: 3),
            RacerTrack(name: "far", legendLabel: "far away", points: [SIMD2(0, 0), SIMD2(1e300, -1e300), SIMD2(5, 0.3)], losses: [0, 1e300, 30]),
            RacerTrack(name: "empty", legendLabel: "no data", points: [], losses: []),
            RacerTrack(name: "one", legendLabel: "one point", points: [SIMD2(0.9, -0.9)], losses: [-0.2]),
        ]
        let scene = RaceScene(title: "hostile", field: field, minima: [KnownMinimum(point: SIMD2(0, 0), isGlobal: true),
                                                                       KnownMinimum(point: SIMD2(.nan, 1), isGlobal: false)],
                              racers: racers)
        let renderer = RaceFrameRenderer(scene: scene, width: 320, height: 240, scale: 1.5)
        for step in [0, 1, 2, 3, 10] {
            for tail in [nil, 2] as [Int?] {
                let img = renderer.renderFrame(step: step, fadingTail: tail)
                #expect(img.width == 480 && img.height == 360 && img.isOpaque)
            }
        }
        // The field crosses zero and no minimum is known: the log colouring measures from the lowest value on the map
        // (documented rule) and stays valid.
        #expect(renderer.colorScale.floorIsSampled && renderer.colorScale.offset >= 0.5)
        DemoRace.saveArtifact("hostile.png", try PNGEncoder().encode(renderer.renderSummary()))
    }

    @Test func textIsSetInDejaVuSans() {
        let canvas = CairoCanvas(pixelWidth: 10, pixelHeight: 10, scale: 1)
        #expect(canvas.resolvedFamilyName(TextStyle(size: 11)) == "DejaVu Sans")
        #expect(canvas.resolvedFamilyName(TextStyle(size: 11, bold: true)) == "DejaVu Sans")
        // Tabular figures: every digit has the same advance.
        let widths = Set((0...9).map { canvas.measure(String($0), TextStyle(size: 11)) })
        #expect(widths.count == 1)
    }
}
