import Testing
@testable import OptracePlot

@Suite struct ColourTests {
    @Test(arguments: [
        ("viridis", [0.267004, 0.004874, 0.329415], [0.993248, 0.906157, 0.143936]),
        ("magma", [0.001462, 0.000466, 0.013866], [0.987053, 0.991438, 0.749504]),
        ("cividis", [0.0, 0.135112, 0.304751], [0.995737, 0.909344, 0.217772]),
        ("gray", [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]),
    ])
    func endpointsMatchReferenceTables(name: String, low: [Double], high: [Double]) throws {
        let map = try #require(Colormap.named(name))
        let a = try #require(map.color(at: 0)), b = try #require(map.color(at: 1))
        #expect([a.red, a.green, a.blue] == low)
        #expect([b.red, b.green, b.blue] == high)
        // Out-of-range values clamp to the ends.
        #expect(map.color(at: -3) == a)
        #expect(map.color(at: 7) == b)
    }

    @Test func viridisHas256EntriesAndInterpolatesBetweenThem() throws {
        let v = Colormap.viridis
        #expect(v.entryCount == 256)
        #expect(v.entry(128) == RGBColor(red: 0.127568, green: 0.566949, blue: 0.550556))
        let at = try #require(v.color(at: 127.5 / 255))
        let e0 = v.entry(127), e1 = v.entry(128)
        #expect(abs(at.green - (e0.green + e1.green) / 2) < 1e-12)
        #expect(v.color(at: .nan) == nil)
    }

    @Test func linearNormMapsEndsToZeroAndOne() throws {
        let n = Normalization.linear(vmin: -2, vmax: 6)
        #expect(n(-2) == 0)
        #expect(n(6) == 1)
        #expect(n(2) == 0.5)
        #expect(n(.nan) == nil)
        #expect(n.inverse(0.25) == 0)
    }

    @Test func logNormMapsEndsAndMasksNonPositive() throws {
        let n = Normalization.log(vmin: 0.01, vmax: 100)
        let lo = try #require(n(0.01)), hi = try #require(n(100)), mid = try #require(n(1))
        #expect(abs(lo) < 1e-12)
        #expect(abs(hi - 1) < 1e-12)
        #expect(abs(mid - 0.5) < 1e-12)
        #expect(n(0) == nil)
        #expect(n(-5) == nil)
        #expect(n(.nan) == nil)
        #expect(n(-.infinity) == nil)
        #expect(abs(n.inverse(0.5) - 1) < 1e-12)
    }

    @Test func logColorScaleWithoutAFloorMeasuresFromTheLowestValue() throws {
        let field = Field(values: [-1, 0, 1, 9], columns: 2, rows: 2, xRange: 0...1, yRange: 0...1)
        let scale = ColorScale(field: field, logScale: true, bandCount: 4, colormap: .viridis)
        // No minimum known and the field reaches ≤ 0: the lowest value m = −1 is the floor, so the bar shows f − m
        // (offset 1); δ = 10⁻³ · (9 − (−1)) = 0.01 starts the lowest band, the maximum is 10 above m.
        #expect(scale.floor == -1 && scale.floorIsSampled)
        #expect(abs(scale.offset - 1) < 1e-12)
        #expect(abs(scale.normalization.vmin - 0.01) < 1e-12)
        #expect(abs(scale.normalization.vmax - 10) < 1e-12)
        #expect(scale.band(-1) == 0)
        #expect(scale.band(9) == 3)
        #expect(scale.band(.nan) == nil)
        #expect(abs(scale.edge(0) - -0.99) < 1e-12)
        #expect(abs(scale.edge(4) - 9) < 1e-9)
        #expect(scale.caption(valueLabel: "loss") == "loss − m (m = −1, lowest on the map), log scale")
    }

    @Test func colourBarTicksLabelTrueDistancesAboveTheKnownMinimum() {
        // The saddle surface ½x² − ½y² + ¼y⁴: f* = −0.25 at (0, ±1), f = 0 at the saddle point.
        let field = Field(columns: 101, rows: 81, xRange: -2.5...2.5, yRange: -2...2) { x, y in
            0.5 * x * x - 0.5 * y * y + 0.25 * y * y * y * y
        }
        let scale = ColorScale(field: field, logScale: true, bandCount: 20, colormap: .viridis, floor: -0.25)
        #expect(scale.floor == -0.25 && !scale.floorIsSampled)
        #expect(scale.caption(valueLabel: "loss") == "loss − f* (f* = −0.25), log scale")
        let ticks = RaceFrameRenderer.colorBarTicks(scale)
        let majors = ticks.filter(\.isMajor)
        #expect(majors.count >= 2)
        for t in majors {
            // A tick labelled v sits exactly where the loss is f* + v: the label is f − f*, not a shifted loss.
            #expect(t.value > 0)
            #expect(abs(scale.normalized(t.value - 0.25)! - scale.normalization(t.value)!) < 1e-12)
        }
        // The lowest band holds the minimum itself: its lower edge is a loss at or above f* (f − f* ≥ 0).
        #expect(scale.band(-0.25) == 0)
        #expect(scale.edge(0) >= -0.25)
        #expect(abs((scale.edge(0) + 0.25) - scale.normalization.vmin) < 1e-12)
        // The saddle point (f = 0) is 0.25 above f*, between the ticks 0.1 and 1.
        let saddle = scale.normalized(0)!
        #expect(saddle > scale.normalization(0.1)! && saddle < scale.normalization(1)!)
        // A loss a little below the stated f* (rounding) joins the lowest band instead of being masked.
        #expect(scale.band(-0.25 - 1e-15) == 0)
    }

    @Test func positiveFieldIsNotShifted() {
        let field = Field(values: [0.5, 1, 2, 50], columns: 2, rows: 2, xRange: 0...1, yRange: 0...1)
        let scale = ColorScale(field: field, logScale: true, bandCount: 10, colormap: .magma)
        #expect(scale.offset == 0)
        #expect(scale.normalization == .log(vmin: 0.5, vmax: 50))
    }

    @Test func paletteColoursAreDistinctAndCycle() {
        let p = RacerPalette.okabeIto
        #expect(Set(p).count == p.count)
        #expect(RacerPalette.color(0) == RGBColor(hex: 0xE69F00))
        #expect(RacerPalette.color(p.count) == RacerPalette.color(0))
        // Every racer reads against dark, middle and light viridis bands: the path colour or its casing has a
        // WCAG contrast of at least 3 against the band.
        func contrast(_ a: RGBColor, _ b: RGBColor) -> Double {
            let (x, y) = (a.luminance + 0.05, b.luminance + 0.05)
            return max(x, y) / min(x, y)
        }
        for colour in p {
            let casing = RacerPalette.casing(for: colour).withAlpha(1)
            for t in [0.0, 0.5, 1.0] {
                let band = Colormap.viridis.color(at: t)!
                #expect(max(contrast(colour, band), contrast(casing, band)) >= 3, "\(colour) on viridis(\(t))")
            }
        }
    }
}
