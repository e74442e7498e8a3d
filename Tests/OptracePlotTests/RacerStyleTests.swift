import Foundation
import Testing
@testable import OptracePlot

/// Racer styles: distinct for a full race, and coinciding paths both visible.
@Suite struct RacerStyleTests {
    /// A straight run from (10, 4) to (0, 0) in `steps` steps.
    static func line(_ name: String, steps: Int = 20, dash: PathDash? = nil) -> RacerTrack {
        let points = (0...steps).map { k in SIMD2(10.0, 4.0) * (1 - Double(k) / Double(steps)) }
        return RacerTrack(name: name, legendLabel: name, points: points, losses: points.map { DemoRace.f($0.x, $0.y) },
                          dash: dash)
    }

    static func count(_ image: RGBAImage, near color: RGBColor, in rect: Rect) -> Int {
        let (r, g, b, _) = color.rgba8
        var n = 0
        for y in Int(rect.minY)..<Int(rect.maxY) {
            for x in Int(rect.minX)..<Int(rect.maxX) {
                let p = image.pixel(x: x, y: y)
                if abs(Int(p.0) - Int(r)) <= 6 && abs(Int(p.1) - Int(g)) <= 6 && abs(Int(p.2) - Int(b)) <= 6 { n += 1 }
            }
        }
        return n
    }

    @Test func sixteenRacersGetSixteenDistinctStyles() {
        let styles = (0..<16).map(RacerPalette.style)
        #expect(Set(styles).count == 16)
        #expect(styles[0] == RacerStyle(color: RacerPalette.color(0), dash: .solid, marker: .circle))
        #expect(styles[7].color == styles[0].color && styles[7].dash == .dashed && styles[7].marker == .square)
        // A track's own choices win over the palette's.
        let own = RacerTrack(name: "a", legendLabel: "a", points: [], losses: [], color: .black, dash: .dotted)
        #expect(own.style(index: 3) == RacerStyle(color: .black, dash: .dotted, marker: .circle))
    }

    @Test func sixteenRacersShowSixteenDistinctSwatches() {
        let racers = (0..<16).map { Self.line("R\($0)", steps: 3 + $0) }
        let scene = RaceScene(title: "sixteen", field: DemoRace.field(columns: 61, rows: 41), racers: racers)
        let renderer = RaceFrameRenderer(scene: scene, width: 800, height: 900)
        let image = renderer.renderFrame(step: 0)
        let L = renderer.layout
        // Each row's swatch (dash and marker), as pixels: no two rows alike.
        var rows: [[UInt8]] = []
        for i in 0..<16 {
            let (column, baseline) = L.row(i)
            let top = Int(baseline - 12)
            var pixels: [UInt8] = []
            for y in top..<(top + 16) {
                for x in Int(column.swatchX - 4)..<Int(column.swatchX + 26) {
                    let p = image.pixel(x: x, y: y)
                    pixels += [p.0, p.1, p.2]
                }
            }
            rows.append(pixels)
        }
        #expect(Set(rows).count == 16)
    }

    @Test func aDashedPathOverAnIdenticalSolidOneLeavesBothVisible() {
        let field = DemoRace.field(columns: 61, rows: 41)
        let below = Self.line("below"), above = Self.line("above", dash: .dashed)
        let solidOver = RaceScene(title: "t", field: field, racers: [below, Self.line("above", dash: .solid)])
        let dashedOver = RaceScene(title: "t", field: field, racers: [below, above])
        let a = RaceFrameRenderer(scene: solidOver), b = RaceFrameRenderer(scene: dashedOver)
        let plot = a.layout.plot
        let lower = RacerPalette.color(0), upper = RacerPalette.color(1)
        let imgA = a.renderSummary(), imgB = b.renderSummary()
        #expect(Self.count(imgA, near: lower, in: plot) < 20)
        #expect(Self.count(imgB, near: lower, in: plot) > 150)
        #expect(Self.count(imgB, near: upper, in: plot) > 150)
    }
}
