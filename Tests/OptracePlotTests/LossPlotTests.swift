import Foundation
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

/// The loss plot on surfaces whose minimum is not 0, with outliers, and the placement of its key and labels.
@Suite struct LossPlotPlacementTests {
    /// A saddle-like race (f* = −0.25): one racer stuck at the saddle (f → 0), one reaching f* exactly, one within
    /// rounding of it, one diverging to 10¹⁶.
    static func saddleRacers() -> [RacerTrack] {
        let n = 150
        func track(_ name: String, _ loss: (Int) -> Double, diverged: Int? = nil) -> RacerTrack {
            RacerTrack(name: name, legendLabel: name + " η=0.1 a long description of its settings",
                       points: [], losses: (0...n).map(loss), divergedAtStep: diverged)
        }
        return [
            track("stuck", { 2 * exp(-Double($0) / 8) + 1e-13 }),
            track("exact", { $0 < 60 ? -0.25 + 2.25 * exp(-Double($0) / 6) : -0.25 }),
            track("close", { -0.25 + 2.25 * exp(-Double($0) / 4) }),
            track("blowup", { $0 <= 40 ? 2 * pow(2.5, Double($0)) : .nan }, diverged: 41),
        ]
    }

    static func render(_ racers: [RacerTrack], floor: Double?, threshold: Double? = nil,
                       width: Double = 800, height: Double = 450) -> (LossPlotRenderer, RGBAImage) {
        let scene = LossPlotScene(title: "Escaping a saddle: loss by step", subtitle: "f* = −0.25", racers: racers,
                                  checkpoints: [30, 80, 150], lossFloor: floor, threshold: threshold)
        let r = LossPlotRenderer(scene: scene, width: width, height: height)
        let img = r.render()
        return (r, img)
    }

    @Test func racersReachingTheMinimumStayVisibleBelowTheStuckOne() throws {
        let (r, img) = Self.render(Self.saddleRacers(), floor: -0.25, threshold: -0.24)
        DemoRace.saveArtifact("loss-saddle.png", try PNGEncoder().encode(img))
        let g = r.geometry
        #expect(r.yTitle == "loss − f* (f* = −0.25), log scale")
        // Every racer's last drawn point is on the picture, inside the frame.
        for i in 0..<3 {
            let last = g.lines[i].last { $0.x.isFinite }!
            #expect(g.plot.insetBy(-0.01).contains(last), "racer \(i) ends at \(last), outside \(g.plot)")
        }
        let stuck = g.lines[0].last!.y, exact = g.lines[1].last!.y, close = g.lines[2].last!.y
        // f − f*: the stuck racer stays 0.25 above f*, the others reach the bottom of the scale (y grows downwards).
        #expect(exact > stuck + g.plot.height / 3)
        #expect(close > stuck + g.plot.height / 3)
        #expect(exact == g.plot.maxY)
        // The blow-up does not flatten the rest: the axis tops out at 100× the highest racer that did not diverge.
        let range = LossPlotRenderer.yRange(Self.saddleRacers(), floor: -0.25)
        #expect(range.upperBound < 2.25 * 100 * 10)
        #expect(range.lowerBound >= range.upperBound / 1e13)
    }

    @Test func theKeyStaysOffTheDataAndLabelsInsideThePicture() throws {
        var racers = Self.saddleRacers()
        racers += DemoRace.racers()
        for (width, height) in [(800.0, 450.0), (480, 300), (1200, 500)] {
            let (r, _) = Self.render(racers, floor: -0.25, threshold: -0.24, width: width, height: height)
            let g = r.geometry
            #expect(g.key.count == racers.count)
            for box in g.key {
                // Outside the axes, so no line's point can fall in it.
                #expect(box.minY > g.plot.maxY)
                for line in g.lines {
                    for p in line where p.x.isFinite { #expect(!box.contains(p)) }
                }
            }
            let picture = Rect(x: 0, y: 0, width: g.size.x, height: g.size.y)
            #expect(!g.labels.isEmpty)
            for label in g.labels {
                #expect(label.minX >= picture.minX && label.maxX <= picture.maxX, "label \(label) in \(picture)")
                #expect(label.minY >= picture.minY && label.maxY <= picture.maxY, "label \(label) in \(picture)")
            }
            // Checkpoint labels (150 is the last step) stay inside the frame.
            #expect(g.checkpointLabels.count == 3)
            for label in g.checkpointLabels {
                #expect(label.minX >= g.plot.minX && label.maxX <= g.plot.maxX)
            }
        }
    }

    @Test func thresholdIsDrawnRelativeToTheMinimum() throws {
        let (r, img) = Self.render(Self.saddleRacers(), floor: -0.25, threshold: -0.24)
        let (_, without) = Self.render(Self.saddleRacers(), floor: -0.25, threshold: nil)
        #expect(img.pixels != without.pixels)
        #expect(r.geometry.labels.count > 0)
        // With f* = 0 the title is the plain loss.
        let (plain, _) = Self.render(DemoRace.racers(), floor: 0, threshold: 0.01)
        #expect(plain.yTitle == "loss (log scale)")
    }

    @Test func yAxisTicksShareOneFormat() {
        let wide = TickLocator.logUniform(1e-8...50, target: 6).filter(\.isMajor).map(\.label)
        #expect(!wide.isEmpty && wide.allSatisfy { $0.hasPrefix("10") || $0.contains("×10") })
        let narrow = TickLocator.logUniform(0.01...500, target: 6).filter(\.isMajor).map(\.label)
        #expect(narrow.allSatisfy { !$0.contains("10⁻") })
    }
}
