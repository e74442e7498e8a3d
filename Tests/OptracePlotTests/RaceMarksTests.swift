import Foundation
import Testing
@testable import OptracePlot

/// The map's marks: minima over the racers, the panel's key for start, off-map pointer and divergence.
@Suite struct RaceMarksTests {
    @Test func minimaAreDrawnOverTheRacersThatReachThem() {
        let racer = RacerStyleTests.line("a")
        let scene = RaceScene(title: "t", field: DemoRace.field(columns: 61, rows: 41),
                              minima: [KnownMinimum(point: SIMD2(0, 0), isGlobal: true)], racers: [racer])
        let renderer = RaceFrameRenderer(scene: scene)
        let image = renderer.renderSummary()
        let p = renderer.transform.apply(SIMD2(0, 0))
        let centre = image.pixel(x: Int(p.x.rounded()), y: Int(p.y.rounded()))
        // The star's white face, not the racer's orange dot.
        #expect(centre.0 > 240 && centre.1 > 240 && centre.2 > 240)
    }

    @Test func thePanelKeysTheStartTheOffMapPointerAndDivergence() {
        let field = DemoRace.field(columns: 61, rows: 41)
        let plain = RaceScene(title: "t", field: field, racers: [RacerStyleTests.line("a")])
        var away = RacerStyleTests.line("b")
        away.points[20] = SIMD2(40, 0)
        away.divergedAtStep = 20
        let wild = RaceScene(title: "t", field: field, racers: [RacerStyleTests.line("a"), away])
        let a = RaceFrameRenderer(scene: plain), b = RaceFrameRenderer(scene: wild)
        #expect(a.showsStart && !a.leavesPlot)
        #expect(b.showsStart && b.leavesPlot)
        // The diverged racer's × sits at its last point on the map (step 19); without divergence nothing is there.
        var stays = away
        stays.divergedAtStep = nil
        let calm = RaceFrameRenderer(scene: RaceScene(title: "t", field: field, racers: [RacerStyleTests.line("a"), stays]))
        let q = b.transform.apply(away.points[19])
        let withCross = b.renderSummary(), without = calm.renderSummary()
        var differing = 0
        for y in Int(q.y - 5)...Int(q.y + 5) {
            for x in Int(q.x - 5)...Int(q.x + 5) where withCross.pixel(x: x, y: y) != without.pixel(x: x, y: y) {
                differing += 1
            }
        }
        #expect(differing > 20)
    }
}
