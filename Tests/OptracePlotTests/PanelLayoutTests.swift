import Foundation
import Testing
@testable import OptracePlot

/// The race frame's layout scales: the panel takes columns for many racers, and small figures fit their titles.
@Suite struct PanelLayoutTests {
    static let names = [
        "SGD", "SGD fast", "Momentum", "Nesterov", "Adagrad", "RMSprop", "Adadelta", "Adam", "Adam slow", "AdamW",
        "Adamax", "NAdam", "RAdam clipped", "Lion", "Lion fast", "RMSprop momentum",
    ]

    /// Sixteen racers ending at different places, each with a hyperparameter label.
    static func sixteen(subtitle: String = "") -> RaceScene {
        let racers = names.enumerated().map { k, name in
            let steps = 20 + k
            let end = SIMD2(-4 + Double(k) * 0.5, Double(k % 5) - 2)
            let points = (0...steps).map { j in SIMD2(10.0, 4.0) + (end - SIMD2(10.0, 4.0)) * (Double(j) / Double(steps)) }
            return RacerTrack(name: name, legendLabel: "\(name) η=0.0\(k + 1) β=0.9", points: points,
                              losses: points.map { DemoRace.f($0.x, $0.y) })
        }
        return RaceScene(title: "Sixteen racers", subtitle: subtitle, field: DemoRace.field(columns: 121, rows: 81), racers: racers)
    }

    static let longSubtitle = "f(x, y) = 0.5(0.1x² + y²) + 1.5·exp(−((x − 3)² + (y − 0.2)²)/(2·0.8²))   start (10, 4)   σ=0.2 seed 130817"

    /// Rows of the panel as figure rectangles.
    static func rowRects(_ L: RaceLayout, count: Int) -> [Rect] {
        (0..<count).map { i in
            let (column, baseline) = L.row(i)
            return Rect(x: column.rankRight - 16, y: baseline - 12, width: column.lossRight - column.rankRight + 16, height: 15)
        }
    }

    @Test func sixteenRacersAt800x600LeaveThePlotHalfTheHeight() {
        let renderer = RaceFrameRenderer(scene: Self.sixteen(subtitle: Self.longSubtitle), width: 800, height: 600)
        let L = renderer.layout
        #expect(L.plot.height >= 300)
        #expect(L.columns.count >= 2)
        let rows = Self.rowRects(L, count: 16)
        for (i, r) in rows.enumerated() {
            #expect(L.table.insetBy(1).contains(SIMD2(r.minX, r.minY)) && L.table.insetBy(1).contains(SIMD2(r.maxX, r.maxY)),
                    "row \(i) leaves the panel")
            for j in rows.indices where j > i { #expect(!LabelBoard.overlap(r, rows[j]), "rows \(i) and \(j) overlap") }
        }
        // Every racer's swatch is drawn in its own row, in its own colour, and its loss is printed.
        let image = renderer.renderSummary()
        for i in 0..<16 {
            let (column, baseline) = L.row(i)
            let swatch = Rect(x: column.swatchX - 2, y: baseline - 10, width: 26, height: 12)
            #expect(RacerStyleTests.count(image, near: renderer.styles[i].color, in: swatch) > 10, "racer \(i)'s swatch")
            let loss = Rect(x: column.lossRight - 30, y: baseline - 9, width: 30, height: 10)
            #expect(Self.darkPixels(image, in: loss) > 5, "racer \(i)'s loss")
        }
    }

    @Test func aFewRacersKeepOneRoomyColumn() {
        let renderer = RaceFrameRenderer(scene: DemoRace.scene(steps: 5), width: 800, height: 600)
        #expect(renderer.layout.columns.count == 1)
        #expect(renderer.layout.rowHeight == 19)
    }

    @Test func at400x300TheSubtitleWrapsInsideTheFigure() {
        var scene = DemoRace.scene(steps: 5, includeDiverging: false)
        scene.subtitle = Self.longSubtitle
        let renderer = RaceFrameRenderer(scene: scene, width: 400, height: 300)
        let L = renderer.layout
        #expect(L.subtitleLines.count == 2)
        #expect(L.subtitleLines.joined(separator: "   ") == Self.longSubtitle)
        for line in L.subtitleLines {
            #expect(renderer.background.measure(line, renderer.style.subtitle) <= L.size.x - 2 * renderer.style.margin)
        }
        // No ink right of the text column above the plot (before the fix the subtitle ran off the edge).
        let image = renderer.renderSummary()
        let shrink = 400 / L.size.x
        let margin = Rect(x: (L.size.x - renderer.style.margin) * shrink + 1, y: 0, width: renderer.style.margin * shrink - 1,
                          height: L.plot.minY * shrink - 2)
        #expect(Self.darkPixels(image, in: margin, threshold: 250) == 0)
        // The subtitle's second line is drawn.
        let second = Rect(x: renderer.style.margin * shrink, y: (L.subtitleBaseline + L.subtitleLineHeight - 9) * shrink,
                          width: 100, height: 9 * shrink)
        #expect(Self.darkPixels(image, in: second) > 20)
        // A second subtitle line costs the plot a line's height, no more.
        #expect(L.plot.height >= 0.45 * L.size.y)
    }

    @Test func sixteenRacersAt400x300StillShowThePlotAndEveryRow() {
        let renderer = RaceFrameRenderer(scene: Self.sixteen(subtitle: Self.longSubtitle), width: 400, height: 300)
        let L = renderer.layout
        #expect(L.plot.height >= L.size.y / 4)
        #expect(L.table.maxY <= L.size.y - renderer.style.margin + 0.5)
        let rows = Self.rowRects(L, count: 16)
        for (i, r) in rows.enumerated() {
            #expect(r.maxY <= L.table.maxY && r.maxX <= L.table.maxX, "row \(i) leaves the panel")
            for j in rows.indices where j > i { #expect(!LabelBoard.overlap(r, rows[j]), "rows \(i) and \(j) overlap") }
        }
        #expect(L.plot.maxY + 40 < L.table.minY)
    }

    @Test func textFitsByPartsThenWordsThenEllipsis() {
        let measure = { (s: String) in Double(s.count) }
        #expect(TextFit.lines("short", width: 10, maxLines: 2, measure: measure) == ["short"])
        #expect(TextFit.lines("aaaa bbb   cc dd", width: 10, maxLines: 2, measure: measure) == ["aaaa bbb", "cc dd"])
        #expect(TextFit.lines("aaaa bbbb cccc", width: 10, maxLines: 2, measure: measure) == ["aaaa bbbb", "cccc"])
        #expect(TextFit.lines("aaaa bbbb cccc dddd eeee", width: 10, maxLines: 2, measure: measure) == ["aaaa bbbb", "cccc dddd…"])
        #expect(TextFit.shortened("abcdefghijkl", width: 5, measure: measure) == "abcd…")
        #expect(TextFit.shortened("abc", width: 5, measure: measure) == "abc")
        #expect(TextFit.lines("abcdefghijkl mn", width: 5, maxLines: 2, measure: measure) == ["abcd…", "mn"])
    }

    static func darkPixels(_ image: RGBAImage, in rect: Rect, threshold: Int = 160) -> Int {
        var n = 0
        for y in max(0, Int(rect.minY))..<min(image.height, Int(rect.maxY)) {
            for x in max(0, Int(rect.minX))..<min(image.width, Int(rect.maxX)) {
                let p = image.pixel(x: x, y: y)
                if Int(p.0) + Int(p.1) + Int(p.2) < threshold * 3 { n += 1 }
            }
        }
        return n
    }
}
