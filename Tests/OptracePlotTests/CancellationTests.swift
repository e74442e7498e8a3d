import Foundation
import Testing
@testable import OptracePlot

/// Renderers and the PNG encoder stop with `Cancelled` once their cancellation fires, and draw the same
/// pixels as before when it never does.
@Suite struct CancellationTests {
    /// A cancellation that fires on its `after`-th look and every look after it.
    final class Countdown: @unchecked Sendable {
        private let lock = NSLock()
        private var looks = 0
        let after: Int

        init(after: Int) { self.after = after }

        var cancellation: Cancellation {
            Cancellation { [self] in
                lock.lock()
                defer { lock.unlock() }
                looks += 1
                return looks >= after
            }
        }

        var count: Int {
            lock.lock()
            defer { lock.unlock() }
            return looks
        }
    }

    static let fired = Cancellation { true }

    static func startMap(columns: Int, rows: Int) -> StartMapScene {
        let field = Field(columns: 21, rows: 21, xRange: -1...1, yRange: -1...1) { x, y in x * x + y * y }
        let endings = (0..<columns * rows).map { k in [0, -1, -2, 0, -1][k % 5] }
        return StartMapScene(
            title: "t", subtitle: "s", field: field, columns: columns, rows: rows, endings: endings,
            finalLosses: endings.indices.map { Double($0 % 7) + 0.5 },
            minima: [.init(point: SIMD2(0, 0), label: "(0.00, 0.00)", isGlobal: true)],
            legend: ["reach", "near no known minimum", "diverge"], notes: [])
    }

    @Test func aPNGEncodingStopsBetweenBandsOfRows() throws {
        let image = RGBAImage(width: 300, height: 400, pixels: [UInt8](repeating: 200, count: 300 * 400 * 4))
        let plain = try PNGEncoder().encode(image)
        #expect(try PNGEncoder().encode(image, cancellation: .never) == plain)
        #expect(throws: Cancelled.self) { try PNGEncoder().encode(image, cancellation: Self.fired) }
        // Rows go in bands of 16, with a look before each: 400 rows are 25 looks; stop at the 10th.
        let countdown = Countdown(after: 10)
        #expect(throws: Cancelled.self) { try PNGEncoder().encode(image, cancellation: countdown.cancellation) }
        #expect(countdown.count == 10)
    }

    @Test func renderersStopWhenCancelled() throws {
        #expect(throws: Cancelled.self) {
            try StartMapRenderer(scene: Self.startMap(columns: 30, rows: 20)).render(cancellation: Self.fired)
        }
        #expect(throws: Cancelled.self) {
            try HeatmapRenderer(scene: HeatmapTests.scene(diverged: Array(repeating: 0, count: 12), values: (0..<12).map { Double($0 + 1) }))
                .render(cancellation: Self.fired)
        }
        #expect(throws: Cancelled.self) {
            try RaceFrameRenderer(scene: DemoRace.scene(), cancellation: Self.fired)
        }
        let renderer = RaceFrameRenderer(scene: DemoRace.scene())
        #expect(throws: Cancelled.self) { try renderer.renderSummary(cancellation: Self.fired) }
        // A stopped renderer still draws every frame right afterwards.
        #expect(try renderer.renderSummary(cancellation: .never) == RaceFrameRenderer(scene: DemoRace.scene()).renderSummary())
    }

    @Test func theStartMapIsTheSameWithACancellationThatNeverFires() throws {
        let renderer = StartMapRenderer(scene: Self.startMap(columns: 30, rows: 20))
        #expect(try renderer.render(cancellation: .never) == renderer.render())
    }

    @Test func cellsCoverThePlotByArea() throws {
        // One opaque colour everywhere: every pixel fully inside the plot is that colour, and the partly
        // covered edge pixels carry exactly their covered fraction.
        for (columns, rows) in [(2, 2), (7, 5), (400, 3), (3, 900)] {
            let raster = CellRaster(columns: columns, rows: rows, plotMinX: 10.5, plotMaxX: 210, plotMinY: 4.25, plotMaxY: 150.75)
            let pixels = try raster.pixels(
                columns: columns, rows: rows, palette: [SIMD4(1, 1, 1, 1)], key: { _, _ in 0 }, cancellation: .never)
            #expect(raster.x.origin == 10 && raster.x.count == 200 && raster.y.origin == 4 && raster.y.count == 147)
            func alpha(_ x: Int, _ y: Int) -> UInt32 { pixels[y * raster.x.count + x] >> 24 }
            #expect(alpha(1, 1) == 255 && alpha(199, 100) == 255 && alpha(100, 145) == 255)
            // Within one level: the weights are single-precision sums.
            #expect((126...128).contains(alpha(0, 50)))  // x from 10.5 to 11: half a pixel
            #expect((190...192).contains(alpha(50, 0)))  // y from 4.25 to 5: three quarters
            #expect((190...192).contains(alpha(50, 146)))  // y from 150 to 150.75
        }
    }
}
