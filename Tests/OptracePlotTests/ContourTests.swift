import Testing
@testable import OptracePlot

@Suite struct ContourTests {
    func grid(_ columns: Int, _ rows: Int, _ values: [Double]) -> ContourTracer {
        ContourTracer(field: Field(values: values, columns: columns, rows: rows,
                                   xRange: 0...Double(columns - 1), yRange: 0...Double(rows - 1)))
    }

    /// Compares as unordered sets of lines, each line equal in either direction.
    func same(_ lines: [Polyline], _ expected: [[SIMD2<Double>]]) -> Bool {
        guard lines.count == expected.count else { return false }
        func close(_ a: [SIMD2<Double>], _ b: [SIMD2<Double>]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { abs($0.x - $1.x) < 1e-12 && abs($0.y - $1.y) < 1e-12 }
        }
        return expected.allSatisfy { e in lines.contains { close($0.points, e) || close($0.points.reversed(), e) } }
    }

    @Test func openLineAcrossOneCell() {
        let lines = grid(2, 2, [0, 1, 0, 1]).lines(at: 0.5)
        #expect(same(lines, [[SIMD2(0.5, 0), SIMD2(0.5, 1)]]))
        #expect(lines.allSatisfy { !$0.isClosed })
    }

    @Test func closedDiamondAroundAPeakIsJoined() throws {
        let lines = grid(3, 3, [0, 0, 0, 0, 1, 0, 0, 0, 0]).lines(at: 0.5)
        try #require(lines.count == 1)
        #expect(lines[0].isClosed)
        #expect(lines[0].points.count == 4)
        let expected: Set<SIMD2<Double>> = [SIMD2(1, 0.5), SIMD2(1.5, 1), SIMD2(1, 1.5), SIMD2(0.5, 1)]
        #expect(Set(lines[0].points) == expected)
    }

    @Test func saddleWithCentreBelowIsolatesTheHighCorners() {
        // v00 = 1, v10 = 0, v11 = 1, v01 = 0; centre 0.5 is not above 0.5.
        let lines = grid(2, 2, [1, 0, 0, 1]).lines(at: 0.5)
        #expect(same(lines, [[SIMD2(0, 0.5), SIMD2(0.5, 0)], [SIMD2(1, 0.5), SIMD2(0.5, 1)]]))
    }

    @Test func saddleWithCentreAboveJoinsTheHighCorners() {
        let lines = grid(2, 2, [1, 0, 0, 1]).lines(at: 0.4)
        #expect(same(lines, [[SIMD2(0.6, 0), SIMD2(1, 0.4)], [SIMD2(0.4, 1), SIMD2(0, 0.6)]]))
    }

    @Test func otherDiagonalSaddleBothWays() {
        // v00 = 0, v10 = 1, v11 = 0, v01 = 1.
        let above = grid(2, 2, [0, 1, 1, 0]).lines(at: 0.4)
        #expect(same(above, [[SIMD2(0, 0.4), SIMD2(0.4, 0)], [SIMD2(1, 0.6), SIMD2(0.6, 1)]]))
        let below = grid(2, 2, [0, 1, 1, 0]).lines(at: 0.6)
        #expect(same(below, [[SIMD2(0.6, 0), SIMD2(1, 0.4)], [SIMD2(0.4, 1), SIMD2(0, 0.6)]]))
    }

    @Test func nanCellIsSkippedAndBreaksTheLoop() {
        var v: [Double] = [0, 0, 0, 0, 1, 0, 0, 0, 0]
        v[8] = .nan   // corner (2, 2): cell (1, 1) is skipped
        let lines = grid(3, 3, v).lines(at: 0.5)
        #expect(same(lines, [[SIMD2(1.5, 1), SIMD2(1, 0.5), SIMD2(0.5, 1), SIMD2(1, 1.5)]]))
        #expect(lines.allSatisfy { !$0.isClosed })
    }

    @Test func infiniteCornersAreSkippedLikeNaN() {
        var v: [Double] = [0, 0, 0, 0, 1, 0, 0, 0, 0]
        v[8] = -.infinity
        let lines = grid(3, 3, v).lines(at: 0.5)
        #expect(same(lines, [[SIMD2(1.5, 1), SIMD2(1, 0.5), SIMD2(0.5, 1), SIMD2(1, 1.5)]]))
        #expect(lines.allSatisfy { $0.points.allSatisfy { $0.x.isFinite && $0.y.isFinite } })
    }

    @Test func linesUseDomainCoordinates() {
        let t = ContourTracer(field: Field(values: [0, 1, 0, 1], columns: 2, rows: 2, xRange: -6...12, yRange: -5...5))
        #expect(same(t.lines(at: 0.25), [[SIMD2(-1.5, -5), SIMD2(-1.5, 5)]]))
        #expect(t.lines(at: 2).isEmpty)
        #expect(t.lines(at: .nan).isEmpty)
    }

    @Test func bandRasterQuantisesPixelCentres() {
        // Linear ramp in x from 0 to 1 over 4 pixels → pixel centres 0.125, 0.375, 0.625, 0.875 → bands 0, 1, 2, 3.
        let field = Field(values: [0, 1, 0, 1], columns: 2, rows: 2, xRange: 0...1, yRange: 0...1)
        let scale = ColorScale(field: field, logScale: false, bandCount: 4, colormap: .gray)
        let raster = BandRaster(field: field, scale: scale, width: 4, height: 2)
        #expect(raster.bands == [0, 1, 2, 3, 0, 1, 2, 3])
        var nanValues = field.values
        nanValues[0] = .nan
        let masked = BandRaster(field: Field(values: nanValues, columns: 2, rows: 2, xRange: 0...1, yRange: 0...1),
                                scale: scale, width: 2, height: 1)
        #expect(masked.bands == [-1, -1])
    }

    @Test func segmentsAreClippedAndNonFinitePointsBreakRuns() {
        let rect = Rect(x: 0, y: 0, width: 10, height: 10)
        let runs = SegmentClipper.runs([SIMD2(1, 1), SIMD2(5, 5), SIMD2(.nan, 3), SIMD2(2, 2), SIMD2(2, 8), SIMD2(1e300, 8)], in: rect)
        #expect(runs == [[SIMD2(1, 1), SIMD2(5, 5)], [SIMD2(2, 2), SIMD2(2, 8), SIMD2(10, 8)]])
        #expect(SegmentClipper.clip(SIMD2(-5, -5), SIMD2(-1, 20), to: rect) == nil)
    }
}
