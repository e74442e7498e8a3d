import Dispatch
import Foundation
import Testing
import OptracePlot

/// Timings for the report; runs only with `OPTRACE_BENCH=1` (release:
/// `OPTRACE_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter BenchTests`). No timing assertions.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["OPTRACE_BENCH"] == "1"))
struct BenchTests {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }

    static func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

    /// "median X (min Y)": the machine is shared, so the minimum shows the uncontended speed.
    static func stats(_ xs: [Double]) -> String { "median \(ms(median(xs))) (min \(ms(xs.min()!)))" }

    static func ms(_ s: Double) -> String { String(format: "%.2f ms", s * 1000) }

    @Test func frameDrawAndEncode() throws {
        let scene = DemoRace.scene()
        var renderer: RaceFrameRenderer!
        let staticTimes = (0..<5).map { _ in Self.seconds { renderer = RaceFrameRenderer(scene: scene) } }
        print("BENCH static layer (init, 800x600): \(Self.stats(staticTimes))")
        var frames: [RGBAImage] = []
        var drawTimes: [Double] = []
        for step in stride(from: 0, through: 120, by: 6) {
            var img: RGBAImage!
            drawTimes.append(Self.seconds { img = renderer.renderFrame(step: step, fadingTail: nil) })
            frames.append(img)
        }
        var tailTimes: [Double] = []
        for step in stride(from: 0, through: 120, by: 12) {
            tailTimes.append(Self.seconds { _ = renderer.renderFrame(step: step, fadingTail: 20) })
        }
        let draw = Self.median(drawTimes)
        print("BENCH draw per frame (copy static + paths + scoreboard + RGBA): \(Self.stats(drawTimes)) over \(drawTimes.count) frames; fading tail 20: \(Self.stats(tailTimes))")
        let candidates: [(String, PNGOptions)] = [
            ("L1 default all", PNGOptions(level: 1, strategy: .default, filters: .all)),
            ("L1 rle up", PNGOptions(level: 1, strategy: .rle, filters: .up)),
            ("L1 rle sub", PNGOptions(level: 1, strategy: .rle, filters: .sub)),
            ("L1 rle none", PNGOptions(level: 1, strategy: .rle, filters: .none)),
            ("L1 rle all", PNGOptions(level: 1, strategy: .rle, filters: .all)),
            ("L2 rle up", PNGOptions(level: 2, strategy: .rle, filters: .up)),
            ("L1 default up", PNGOptions(level: 1, strategy: .default, filters: .up)),
            ("L1 default sub", PNGOptions(level: 1, strategy: .default, filters: .sub)),
            ("L3 default up", PNGOptions(level: 3, strategy: .default, filters: .up)),
            ("L6 default all (libpng default)", PNGOptions(level: 6, strategy: .default, filters: .all)),
            ("L6 filtered all", PNGOptions(level: 6, strategy: .filtered, filters: .all)),
            ("L9 default all", PNGOptions(level: 9, strategy: .default, filters: .all)),
            ("standard", PNGOptions.standard),
            ("L1 rle up again", PNGOptions(level: 1, strategy: .rle, filters: .up)),
            ("L1 huffman up", PNGOptions(level: 1, strategy: .huffmanOnly, filters: .up)),
            ("L1 huffman sub", PNGOptions(level: 1, strategy: .huffmanOnly, filters: .sub)),
            ("L0 stored none", PNGOptions(level: 0, strategy: .default, filters: .none)),
        ]
        for (name, options) in candidates {
            let enc = PNGEncoder(options: options)
            var sizes: [Int] = []
            var times: [Double] = []
            for f in frames {
                var bytes: [UInt8] = []
                times.append(try Self.seconds { bytes = try enc.encode(f) })
                sizes.append(bytes.count)
            }
            let encode = Self.median(times)
            // Every setting must still round-trip exactly.
            #expect(try PNGDecoder.decode(enc.encode(frames[frames.count / 2])) == frames[frames.count / 2])
            print("BENCH encode \(name): \(Self.stats(times)), median size \(Self.median(sizes.map(Double.init)) / 1024) KiB, draw/encode \(String(format: "%.2f", draw / encode))")
        }
        // Whole-frame loop as the CLI would run it for separate PNG files: draw serially, encode on all cores.
        let threads = ProcessInfo.processInfo.activeProcessorCount
        var loops: [Double] = []
        for _ in 0..<5 {
            loops.append(try Self.seconds {
                let imgs = (0...120).map { renderer.renderFrame(step: $0, fadingTail: nil) }
                _ = try ParallelPNGEncoder.encode(imgs, threads: threads)
            } / 121)
        }
        print("BENCH 121 separate PNG frames, draw + parallel encode (\(threads) threads): \(Self.stats(loops)) per frame")
        var serialLoops: [Double] = []
        for _ in 0..<5 {
            serialLoops.append(try Self.seconds {
                for s in 0...120 { _ = try PNGEncoder().encode(renderer.renderFrame(step: s, fadingTail: nil)) }
            } / 121)
        }
        print("BENCH 121 separate PNG frames, draw + encode on one thread: \(Self.stats(serialLoops)) per frame")
    }

    @Test(arguments: [false, true]) func raceAsAPNG(withDivergingRacer: Bool) throws {
        let scene = DemoRace.scene(includeDiverging: withDivergingRacer)
        var sizes: [Int] = []
        var totals: [Double] = []
        for _ in 0..<5 {
            var bytes: [UInt8] = []
            totals.append(try Self.seconds {
                let pool = try RendererPool(count: ParallelPNGEncoder.defaultThreads, scene: scene, width: 800, height: 600, scale: 1)
                bytes = []
                try RaceAnimation.writeAPNG(steps: Array(0...scene.lastStep), renderers: pool, fps: 12) { bytes += $0 }
            })
            sizes.append(bytes.count)
            let chunks = try PNGChunk.parse(bytes)
            #expect(chunks.filter { $0.type == "fcTL" }.count == 121)
            DemoRace.saveArtifact("race-\(scene.racers.count)-racers.apng.png", bytes)
        }
        print("BENCH 121-frame APNG, \(scene.racers.count) racers (init + render + delta + parallel encode): \(Self.stats(totals)), size \(sizes[0] / 1024) KiB")
    }

    @Test func deltaEncodingOptions() throws {
        let renderer = RaceFrameRenderer(scene: DemoRace.scene())
        let frames = (0...120).map { renderer.renderFrame(step: $0, fadingTail: nil) }
        let deltas = (1..<frames.count).map { FrameDelta.between(frames[$0 - 1], frames[$0]) }
        let area = deltas.map { $0.width * $0.height }.reduce(0, +) / deltas.count
        print("BENCH deltas: mean rectangle \(area) px (full frame \(800 * 600))")
        // Best of 5 passes over all deltas: the machine is shared.
        func perDelta(_ body: (FrameDelta) throws -> Int) rethrows -> (total: Int, seconds: Double) {
            var total = 0
            var best = Double.infinity
            for _ in 0..<5 {
                total = 0
                best = min(best, try Self.seconds { for d in deltas { total += try body(d) } })
            }
            return (total, best / Double(deltas.count))
        }
        var between = Double.infinity
        for _ in 0..<5 {
            between = min(between, Self.seconds { for k in 1..<frames.count { _ = FrameDelta.between(frames[k - 1], frames[k]) } })
        }
        print("BENCH FrameDelta.between: \(Self.ms(between / Double(deltas.count))) per delta")
        let sparse = perDelta { EncodedFrame.encode($0).payloads.map(\.count).reduce(0, +) }
        print("BENCH delta encode SparseDeflate: \(sparse.total / 1024) KiB for \(deltas.count) deltas, \(Self.ms(sparse.seconds)) per delta")
        let candidates: [(String, PNGOptions)] = [
            ("L1 default none", PNGOptions(level: 1, strategy: .default, filters: .none)),
            ("L6 default none", PNGOptions(level: 6, strategy: .default, filters: .none)),
            ("L9 default none", PNGOptions(level: 9, strategy: .default, filters: .none)),
            ("L2 rle up", PNGOptions(level: 2, strategy: .rle, filters: .up)),
        ]
        for (name, options) in candidates {
            let libpng = try perDelta { try EncodedFrame.encode($0, options: options).payloads.map(\.count).reduce(0, +) }
            print("BENCH delta encode libpng \(name): \(libpng.total / 1024) KiB for \(deltas.count) deltas, \(Self.ms(libpng.seconds)) per delta")
        }
        for (name, options) in [("L2 rle up", PNGOptions(level: 2, strategy: .rle, filters: .up)),
                                ("L6 default all", PNGOptions(level: 6, strategy: .default, filters: .all)),
                                ("L9 default all", PNGOptions(level: 9, strategy: .default, filters: .all))] {
            var size = 0
            let t = try Self.seconds { size = try EncodedFrame.encode(FrameDelta.full(frames[0]), options: options).payloads.map(\.count).reduce(0, +) }
            print("BENCH first frame RGBA \(name): \(size / 1024) KiB, \(Self.ms(t))")
        }
    }
}
