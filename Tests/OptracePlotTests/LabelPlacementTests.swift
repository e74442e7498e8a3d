import Foundation
import Testing
@testable import OptracePlot

/// The tuning pictures place their labels where none covers another label or a marker (the best ring,
/// the theory's optimum), even when the marks they label stand a few pixels apart.
@Suite struct LabelPlacementTests {
    func noCollisions(_ labels: [Rect], _ markers: [Rect], sourceLocation: SourceLocation = #_sourceLocation) {
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] { #expect(!LabelBoard.overlap(a, b), "labels \(a) and \(b) overlap", sourceLocation: sourceLocation) }
            for m in markers { #expect(!LabelBoard.overlap(a, m), "label \(a) covers marker \(m)", sourceLocation: sourceLocation) }
        }
    }

    @Test func theBoardTakesTheFirstFreePlace() {
        let board = LabelBoard(bounds: Rect(x: 0, y: 0, width: 100, height: 100))
        board.reserve(Rect(x: 40, y: 40, width: 10, height: 10))
        let a = board.place([Rect(x: 35, y: 35, width: 20, height: 10), Rect(x: 60, y: 35, width: 20, height: 10)])
        #expect(a == Rect(x: 60, y: 35, width: 20, height: 10))
        let b = board.place([Rect(x: 60, y: 35, width: 20, height: 10), Rect(x: 90, y: 80, width: 20, height: 10)])
        #expect(b == Rect(x: 80, y: 80, width: 20, height: 10), "moved inside the bounds")
    }

    @Test func aSweepsCrowdedLabelsDoNotCollide() {
        // Best, theory optimum, theory edge and the divergence edge within a few pixels of each other.
        let values = (0..<60).map { 0.01 * pow(300, Double($0) / 59) }
        let means: [Double?] = values.map { $0 < 2.04 ? 1e-3 * abs(1.7 - $0) + 1e-16 : nil }
        let scene = SweepScene(
            title: "t", subtitle: "s", values: values, xLabel: "lr", xSpacing: .log, yLabel: "final loss", means: means,
            stds: values.map { _ in 0 }, diverged: values.map { $0 >= 2.04 ? 1 : 0 }, best: 54,
            window: (1.6, 1.8, "usable window"), divergenceEdge: 2.038, divergenceEdgeLabel: "unstable from",
            theoryBest: (1.818, "theory optimum 1.818"), theoryEdge: (2, "theory: diverges at 2"), notes: [])
        let renderer = SweepRenderer(scene: scene)
        _ = renderer.render()
        #expect(renderer.labelBoxes.count == 4 && renderer.markerBoxes.count == 1)
        noCollisions(renderer.labelBoxes, renderer.markerBoxes)
    }

    @Test func aOneMinusLogAxisLabelsTheNines() {
        let axis = PlotAxis(label: "beta", range: 0...0.999, spacing: .logOneMinus)
        let major = axis.ticks(target: 5).filter(\.isMajor)
        #expect(major.map(\.label) == ["0", "0.9", "0.99", "0.999"])
        #expect(abs(axis.fraction(0.9) - 1.0 / 3) < 1e-12 && abs(axis.fraction(0.99) - 2.0 / 3) < 1e-12)
        #expect(axis.caption == "beta (1 − beta on a log scale)")
        #expect(PlotAxis.oneMinusLabel(1e-6) == "0.999999")
        let edges = HeatmapRenderer.edges([0, 0.9, 0.99, 0.999], spacing: .logOneMinus)
        #expect(edges.count == 5 && edges[0] < 0 && edges[4] < 1 && abs(edges[2] - (1 - pow(10, -1.5))) < 1e-12)
    }

    @Test func randomSamplesAreDrawnAsPointsAndAGridAsALine() {
        // Two values far apart with the same mean: a line joins them, samples leave the space between empty.
        let values = [0.01, 1.0]
        func scene(sampled: Bool) -> SweepScene {
            SweepScene(title: "t", subtitle: "s", values: values, xLabel: "lr", xSpacing: .log, yLabel: "final loss",
                       means: [1, 1], stds: [0, 0], diverged: [0, 0], best: nil, window: nil, divergenceEdge: nil,
                       theoryBest: nil, theoryEdge: nil, notes: [], isSampled: sampled)
        }
        func inkAcrossTheMiddle(_ sampled: Bool) -> Int {
            let image = SweepRenderer(scene: scene(sampled: sampled)).render()
            // The plot's middle column, over the plot's height: where the line at mean 1 would cross it.
            var n = 0
            for y in 80..<(image.height - 80) {
                let p = image.pixel(x: image.width / 2 + 20, y: y)
                if p.2 > 120 && p.0 < 80 { n += 1 }
            }
            return n
        }
        #expect(inkAcrossTheMiddle(false) > 0)
        #expect(inkAcrossTheMiddle(true) == 0)
    }

    @Test func aHeatmapsLabelsKeepOffTheBestCellAndEachOther() {
        let columns = (0..<40).map { 0.01 * pow(300, Double($0) / 39) }
        let rows = (0..<20).map { 0.05 * Double($0) }
        var values: [Double?] = [], diverged: [Double] = []
        for b in rows {
            for lr in columns {
                let unstable = lr > 2 + 2 * b
                values.append(unstable ? nil : abs(lr - 2.3) + abs(b - 0.27) + 1e-3)
                diverged.append(unstable ? 1 : 0)
            }
        }
        let boundary = rows.map { SIMD2(2 + 2 * $0, $0) }
        let scene = HeatmapScene(
            title: "t", subtitle: "s", columns: columns, rows: rows, xLabel: "lr", yLabel: "beta", xSpacing: .log, ySpacing: .linear,
            valueLabel: "loss", values: values, diverged: diverged, best: (37, 5), theoryBest: (SIMD2(2.309, 0.27), "theory optimum"),
            theoryBoundary: (boundary, "theory: lr·λ₂ = 2 + 2β"), notes: [])
        let renderer = HeatmapRenderer(scene: scene)
        _ = renderer.render()
        #expect(renderer.labelBoxes.count == 3 && renderer.markerBoxes.count == 2)
        noCollisions(renderer.labelBoxes, renderer.markerBoxes)
    }
}
