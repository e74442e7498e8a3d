import Foundation
import Testing
import OptracePlot

/// Compares a small complete race figure with the committed golden PNG, pixel for pixel (tolerance 0).
///
/// Regenerate after an intended visual change with
/// `OPTRACE_UPDATE_GOLDEN=1 swift test --filter GoldenTests` and commit `Tests/OptracePlotTests/Golden/`.
@Suite struct GoldenTests {
    static let goldenURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/race-320x240.png")

    static func figure() -> RGBAImage {
        let racers = Array(DemoRace.racers(steps: 14, includeDiverging: false).prefix(2))
        let scene = RaceScene(title: "Golden race", subtitle: "two racers, 14 steps",
                              field: DemoRace.field(columns: 61, rows: 41),
                              minima: [KnownMinimum(point: SIMD2(0, 0), isGlobal: true),
                                       KnownMinimum(point: SIMD2(4.7, 0), isGlobal: false)],
                              racers: racers)
        return RaceFrameRenderer(scene: scene, width: 320, height: 240, scale: 1).renderFrame(step: 9, fadingTail: nil)
    }

    @Test func raceFrameMatchesGolden() throws {
        let image = Self.figure()
        if ProcessInfo.processInfo.environment["OPTRACE_UPDATE_GOLDEN"] == "1" {
            let png = try PNGEncoder(options: PNGOptions(level: 9, strategy: .default, filters: .all)).encode(image)
            try Data(png).write(to: Self.goldenURL)
        }
        let data = try Data(contentsOf: Self.goldenURL)
        let golden = try PNGDecoder.decode([UInt8](data))
        #expect(golden.width == image.width && golden.height == image.height)
        var differing = 0
        for i in stride(from: 0, to: min(golden.pixels.count, image.pixels.count), by: 4)
        where golden.pixels[i..<(i + 4)] != image.pixels[i..<(i + 4)] {
            differing += 1
        }
        if differing > 0 { DemoRace.saveArtifact("golden-actual.png", try PNGEncoder().encode(image)) }
        #expect(differing == 0, "\(differing) pixels differ from \(Self.goldenURL.path)")
    }
}
