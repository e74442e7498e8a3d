import Foundation
import Testing
@testable import OptracePlot

/// The animation formats beside the APNG: the list `--animation` takes, the timing each format stores, the GIF's
/// palette and frames (decoded with giflib), the lossless WebP (decoded with libwebp), and the videos ffmpeg makes.
@Suite struct AnimationFormatTests {
    @Test func theFormatListIsParsedInOneOrderAndRefusedInOneLine() throws {
        #expect(try AnimationFormat.list("apng") == [.apng])
        #expect(try AnimationFormat.list("webp, gif,APNG,gif") == [.apng, .gif, .webp])
        #expect(try AnimationFormat.list("none") == [])
        #expect(try AnimationFormat.list("mp4,webm").allSatisfy(\.needsFFmpeg))
        for bad in ["gifx", "", "apng,", "none,gif", "png"] {
            #expect(throws: AnimationFormatError.self, "\(bad)") { _ = try AnimationFormat.list(bad) }
        }
        do {
            _ = try AnimationFormat.list("apng,jpeg")
        } catch {
            #expect(error.description == "expected a comma-separated list of apng, gif, mp4, webm, webp, or none; found 'jpeg'")
        }
    }

    @Test func gifDelaysKeepTheRateInWholeHundredths() {
        let timing = AnimationTiming(fps: 30, finalHold: 2)
        let delays = (0..<31).map { timing.gifDelay(frame: $0, of: 31) }
        #expect(Array(delays.prefix(6)) == [3, 4, 3, 3, 4, 3])
        #expect(delays.dropLast().reduce(0, +) == 100)   // 30 frames: exactly one second
        #expect(delays.last == 200)
        // Faster than 50 per second: 2 hundredths (browsers show less as 10).
        #expect(AnimationTiming(fps: 120).gifDelay(frame: 0, of: 5) == 2)
        // A slow stepper: 1.5 frames per second, 67 and 66 hundredths.
        let slow = AnimationTiming(fps: 1.5, finalHold: 3)
        #expect((0..<3).map { slow.gifDelay(frame: $0, of: 4) } == [67, 66, 67])
        #expect(timing.startMilliseconds(frame: 2) == 67 && timing.endMilliseconds(frameCount: 3) == 2067)
        // A hold shorter than a frame lasts one frame.
        #expect(AnimationTiming(fps: 10, finalHold: 0).gifDelay(frame: 3, of: 4) == 10)
    }

    @Test func thePaletteKeepsReservedColoursAndIsDeterministic() throws {
        // A grey half and a ramp of 31 colours, each in a cell of its own.
        var pixels = [UInt8]()
        for y in 0..<40 {
            for x in 0..<64 {
                let v = UInt8((x % 31) * 8)
                pixels += y < 20 ? [100, 100, 100, 255] : [v, 200, 255 - v, 255]
            }
        }
        let image = RGBAImage(width: 64, height: 40, pixels: pixels)
        let orange = RGBColor(hex: 0xE69F00)
        let palette = GIFPalette.build(from: [image], reserved: [orange])
        #expect(palette.count <= 255)
        #expect(palette.color(at: 0) == 0x009FE6)
        #expect(palette.nearest(0x009FE6) == 0)
        // Few colours: each gets an entry of its own, exactly.
        #expect(palette.color(at: Int(palette.nearest(0x646464))) == 0x646464)
        for x in 0..<31 {
            let v = UInt32(x * 8)
            let c = v | 200 << 8 | (255 - v) << 16
            #expect(palette.color(at: Int(palette.nearest(c))) == c)
        }
        #expect(GIFPalette.build(from: [image], reserved: [orange]) == palette)
        #expect(GIFPalette.sampleIndices(frameCount: 121) == [0, 15, 30, 45, 60, 75, 90, 105, 120])
        #expect(GIFPalette.sampleIndices(frameCount: 3) == [0, 1, 2])
        #expect(GIFPalette.sampleIndices(frameCount: 1) == [0])
    }

    /// A race's frames in `formats`, through the parallel renderer and the sequential encoders.
    static func animation(_ formats: [AnimationFormat], steps: Int = 9, workers: Int = 2, batch: Int = RaceAnimation.framesPerWorker,
                          width: Double = 320, height: Double = 240, videoFolder: String? = nil)
        throws -> (frames: [RGBAImage], plan: AnimationPlan, bytes: [AnimationFormat: [UInt8]]) {
        let scene = DemoRace.scene(steps: steps)
        let pool = try RendererPool(count: workers, scene: scene, width: width, height: height, scale: 1)
        let frameSteps = Array(0...steps)
        let plan = try RaceAnimation.plan(formats: formats, steps: frameSteps, renderers: pool, timing: AnimationTiming(fps: 10))
        var bytes: [AnimationFormat: [UInt8]] = [:]
        let folder = videoFolder ?? NSTemporaryDirectory()
        let encoders = try AnimationEncoders(plan: plan, sink: { format in { bytes[format, default: []] += $0 } },
                                             videoPath: { folder + "/race." + $0.fileExtension })
        let renderer = RaceFrameRenderer(scene: scene, width: width, height: height)
        try RaceAnimation.render(steps: frameSteps, renderers: pool, plan: plan, standalonePNGs: false, framesPerWorker: batch) {
            try encoders.append($0.animation!)
        }
        try encoders.finish()
        return (frameSteps.map { renderer.renderFrame(step: $0, fadingTail: nil) }, plan, bytes)
    }

    @Test func everyGIFFrameDecodesToTheNearestPaletteColourOfItsFrame() throws {
        let (frames, plan, bytes) = try Self.animation([.gif])
        let gif = try #require(bytes[.gif])
        let decoded = try DecodedAnimation.gif(gif)
        let palette = try #require(plan.palette)
        #expect(decoded.width == 320 && decoded.height == 240)
        #expect(decoded.frames.count == frames.count && decoded.loopCount == 0)
        #expect(decoded.durations == Array(repeating: 100, count: 9) + [2000])
        var worst = 0, total = 0, count = 0
        for (k, frame) in frames.enumerated() {
            let shown = decoded.frames[k]
            var mismatches = 0
            frame.pixels.withUnsafeBytes { raw in
                for (i, v) in raw.bindMemory(to: UInt32.self).enumerated() {
                    let original = GIFPalette.opaqueColor(v)
                    let expected = palette.color(at: Int(palette.nearest(original)))
                    let got = UInt32(shown[4 * i]) | UInt32(shown[4 * i + 1]) << 8 | UInt32(shown[4 * i + 2]) << 16
                    if got != expected || shown[4 * i + 3] != 255 { mismatches += 1 }
                    for s in [0, 8, 16] {
                        let e = abs(Int((original >> UInt32(s)) & 0xFF) - Int((got >> UInt32(s)) & 0xFF))
                        worst = max(worst, e); total += e; count += 1
                    }
                }
            }
            #expect(mismatches == 0, "frame \(k): \(mismatches) pixels are not their colour's nearest palette entry")
        }
        // The palette's error on these frames: small on average, bounded everywhere.
        #expect(Double(total) / Double(count) < 1.5, "mean error \(Double(total) / Double(count))")
        #expect(worst < 48, "largest channel error \(worst)")
        // Later frames store only what changed.
        #expect(gif.count < 4 * (try Self.animation([.gif], steps: 1).bytes[.gif]!.count))
    }

    @Test func gifAndWebPBytesDoNotDependOnTheThreads() throws {
        let reference = try Self.animation([.gif, .webp], workers: 2)
        for (workers, batch) in [(1, 1), (3, 2)] {
            let other = try Self.animation([.gif, .webp], workers: workers, batch: batch)
            #expect(other.bytes[.gif] == reference.bytes[.gif], "workers \(workers)")
            #expect(other.bytes[.webp] == reference.bytes[.webp], "workers \(workers)")
        }
        // libwebp's own second thread changes nothing either.
        let frames = reference.frames, timing = AnimationTiming(fps: 10)
        var outputs: [[UInt8]] = []
        for threads in [false, true] {
            let writer = try WebPAnimationWriter(width: 320, height: 240, timing: timing, threads: threads)
            for f in frames { try writer.append(f) }
            outputs.append(try writer.finish())
        }
        #expect(outputs[0] == outputs[1] && outputs[0] == reference.bytes[.webp])
    }

    @Test func theWebPIsLosslessAndKeepsTheTiming() throws {
        let (frames, _, bytes) = try Self.animation([.webp])
        let decoded = try DecodedAnimation.webp(try #require(bytes[.webp]))
        #expect(decoded.width == 320 && decoded.height == 240 && decoded.loopCount == 0)
        #expect(decoded.frames.count == frames.count)
        for (k, frame) in frames.enumerated() { #expect(decoded.frames[k] == frame.straightRGBA(), "frame \(k)") }
        #expect(decoded.durations == Array(repeating: 100, count: 9) + [2000])
    }

    @Test func aBrokenFileIsRefusedWithTheLibrarysWord() {
        #expect(throws: AnimationError.self) { _ = try DecodedAnimation.gif(Array("GIF89a not really".utf8)) }
        #expect(throws: AnimationError.self) { _ = try DecodedAnimation.webp(Array("RIFF....WEBP".utf8)) }
    }

    @Test(.enabled(if: FFmpegVideoWriter.locate() != nil, "ffmpeg is not installed (scripts/install-test-deps installs it)"))
    func videosHaveEvenSidesEveryFrameAndTheHold() throws {
        let folder = NSTemporaryDirectory() + "optrace-video-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // An odd size: the videos are padded to 322 × 242.
        let (frames, _, _) = try Self.animation([.mp4, .webm], width: 321, height: 241, videoFolder: folder)
        for (format, codec) in [(AnimationFormat.mp4, "h264"), (.webm, "vp9")] {
            let path = folder + "/race." + format.fileExtension
            let probe = try Self.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries",
                                      "stream=codec_name,width,height,pix_fmt,nb_read_frames", "-of", "csv=p=0", path])
            // 10 frames at 10 per second, the last held 2 s: 10 + 19 frames.
            #expect(probe.trimmingCharacters(in: .whitespacesAndNewlines) == "\(codec),322,242,yuv420p,29", "\(format): \(probe)")
            // The fifth frame, decoded, is close to the drawn one.
            let raw = try Self.runData(["ffmpeg", "-v", "error", "-i", path, "-vf", "select=eq(n\\,4)", "-frames:v", "1",
                                        "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"])
            #expect(raw.count == 322 * 242 * 3)
            let drawn = frames[4].straightRGBA()
            var total = 0
            for y in 0..<241 {
                for x in 0..<321 {
                    for c in 0..<3 { total += abs(Int(raw[(y * 322 + x) * 3 + c]) - Int(drawn[(y * 321 + x) * 4 + c])) }
                }
            }
            let mean = Double(total) / Double(321 * 241 * 3)
            #expect(mean < 4, "\(format): mean error \(mean)")
        }
    }

    static func runData(_ arguments: [String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    static func run(_ arguments: [String]) throws -> String { String(decoding: try runData(arguments), as: UTF8.self) }
}
