import Foundation
import Testing
@testable import OptracePlot

@Suite struct APNGTests {
    func frames() -> [RGBAImage] {
        // Opaque frames where a small square moves: deltas stay small; one repeated frame; one full change.
        var list = (0..<6).map { EncodingTests.pattern(width: 48, height: 32, seed: $0) }
        list.insert(list[3], at: 4)
        list.append(EncodingTests.pattern(width: 48, height: 32, seed: 99))
        return list
    }

    func checkRoundTrip(_ bytes: [UInt8], _ source: [RGBAImage], fps: Double) throws {
        let reader = try APNGReader(bytes)
        #expect(reader.width == 48 && reader.height == 32)
        #expect(reader.frameCount == source.count)
        #expect(reader.plays == 0)
        #expect(reader.frames.count == source.count)
        #expect(reader.sequenceNumbers == (0..<UInt32(reader.sequenceNumbers.count)).map { $0 })
        for (k, frame) in reader.frames.enumerated() {
            #expect(frame == source[k].straightRGBA(), "frame \(k) differs after compositing")
        }
        let c = reader.controls
        #expect(c[0].width == 48 && c[0].height == 32 && c[0].blend == 0)
        #expect(c.dropFirst().allSatisfy { $0.dispose == 0 })
        #expect(Double(c[0].delayNumerator) / Double(c[0].delayDenominator) == (1000 / fps).rounded() / 1000)
        #expect(c.last!.delayNumerator == 2000 && c.last!.delayDenominator == 1000)
    }

    @Test func streamedAPNGDecodesToTheSourceFrames() throws {
        let source = frames()
        var bytes = [UInt8]()
        let writer = try APNGWriter(width: 48, height: 32, frameCount: source.count, fps: 12) { bytes += $0 }
        for f in source { try writer.append(f) }
        #expect(writer.isComplete)
        try checkRoundTrip(bytes, source, fps: 12)
        let reader = try APNGReader(bytes)
        // Later frames only store the changed rectangle; the unchanged frame stores one transparent pixel.
        #expect(reader.controls[1].width < 48 || reader.controls[1].height < 32)
        #expect(reader.controls[1].blend == 1)
        #expect(reader.controls[4].width == 1 && reader.controls[4].height == 1)
    }

    @Test func parallelAPNGMatchesStreamedBytes() throws {
        let source = frames()
        var streamed = [UInt8]()
        let writer = try APNGWriter(width: 48, height: 32, frameCount: source.count, fps: 24) { streamed += $0 }
        for f in source { try writer.append(f) }
        let parallel = try APNGWriter.encode(frames: source, fps: 24, threads: 3)
        let serial = try APNGWriter.encode(frames: source, fps: 24, threads: 1)
        #expect(parallel == streamed)
        #expect(serial == streamed)
        try checkRoundTrip(parallel, source, fps: 24)
    }

    @Test func translucentChangesFallBackToSourceBlending() throws {
        let a = EncodingTests.pattern(width: 48, height: 32, seed: 1, translucent: true)
        let b = EncodingTests.pattern(width: 48, height: 32, seed: 2, translucent: true)
        let delta = FrameDelta.between(a, b)
        #expect(!delta.blendOver)
        let bytes = try APNGWriter.encode(frames: [a, b], fps: 10)
        let reader = try APNGReader(bytes)
        // Straight values of translucent pixels go through premultiplication, so compare premultiplied images.
        let composed = RGBAImage(width: 48, height: 32, straightRGBA: reader.frames[1])
        #expect(composed == b)
    }

    @Test func extraOrMisSizedFramesThrow() throws {
        let f = frames()
        let writer = try APNGWriter(width: 48, height: 32, frameCount: 1, fps: 5) { _ in }
        #expect(throws: PNGError.self) { try writer.append(RGBAImage(width: 8, height: 8)) }
        try writer.append(f[0])
        #expect(writer.isComplete)
        #expect(throws: PNGError.self) { try writer.append(f[1]) }
    }

    @Test func corruptedChunkIsDetected() throws {
        var bytes = try APNGWriter.encode(frames: frames(), fps: 10)
        bytes[bytes.count / 2] ^= 0x40
        #expect(throws: PNGError.self) { _ = try PNGChunk.parse(bytes) }
    }
}

@Suite struct RaceAnimationTests {
    static func apng(_ scene: RaceScene, steps: [Int], workers: Int, framesPerWorker: Int = RaceAnimation.framesPerWorker,
                     width: Double, height: Double) throws -> [UInt8] {
        let pool = try RendererPool(count: workers, scene: scene, width: width, height: height, scale: 1)
        var bytes = [UInt8]()
        try RaceAnimation.writeAPNG(steps: steps, renderers: pool, fps: 10, framesPerWorker: framesPerWorker) { bytes += $0 }
        return bytes
    }

    @Test func raceAPNGComposesToTheRenderedFrames() throws {
        let scene = DemoRace.scene(steps: 9)
        let renderer = RaceFrameRenderer(scene: scene, width: 320, height: 240)
        let steps = RaceAnimation.steps(lastStep: 9, stride: 2)
        #expect(steps == [0, 2, 4, 6, 8, 9])
        let bytes = try Self.apng(scene, steps: steps, workers: 2, width: 320, height: 240)
        let reader = try APNGReader(bytes)
        #expect(reader.frames.count == 6)
        for (k, step) in steps.enumerated() {
            #expect(reader.frames[k] == renderer.renderFrame(step: step, fadingTail: nil).straightRGBA(), "step \(step)")
        }
        // Later frames are deltas: each stores less than the full canvas.
        #expect(reader.controls.dropFirst().allSatisfy { $0.width * $0.height < 320 * 240 })
        // Same bytes whatever the number of workers and the batch size.
        for (workers, batch) in [(1, 1), (3, 1), (2, 50)] {
            let other = try Self.apng(scene, steps: steps, workers: workers, framesPerWorker: batch, width: 320, height: 240)
            #expect(other == bytes, "workers \(workers), batch \(batch)")
        }
    }

    @Test func pngFramesArriveInStepOrderAndDecodeToTheFrames() throws {
        let scene = DemoRace.scene(steps: 7)
        let renderer = RaceFrameRenderer(scene: scene, width: 240, height: 180)
        let pool = try RendererPool(count: 2, scene: scene, width: 240, height: 180, scale: 1)
        var steps: [Int] = [], indices: [Int] = [], batches: [Int] = []
        try RaceAnimation.render(steps: RaceAnimation.steps(lastStep: 7, stride: 3), renderers: pool, standalonePNGs: true,
                                 framesPerWorker: 1, progress: { batches.append($0) }) { frame in
            steps.append(frame.step)
            indices.append(frame.index)
            let decoded = try PNGDecoder.decode(try #require(frame.png))
            #expect(decoded == renderer.renderFrame(step: frame.step, fadingTail: nil))
        }
        #expect(steps == [0, 3, 6, 7] && indices == [0, 1, 2, 3])
        #expect(batches == [2, 4])
    }

    @Test func aCancelledAnimationStopsWithCancelled() throws {
        let scene = DemoRace.scene(steps: 40)
        let pool = try RendererPool(count: 2, scene: scene, width: 240, height: 180, scale: 1)
        let handed = HandedFrames()
        #expect(throws: Cancelled.self) {
            try RaceAnimation.render(steps: Array(0...40), renderers: pool, standalonePNGs: false, framesPerWorker: 2,
                                     cancellation: Cancellation { handed.count >= 4 }) { _ in handed.add() }
        }
        // The stop is seen before the next batch (two workers, two frames each).
        #expect(handed.count == 4)
    }
}

/// A count of frames handed out, read by a cancellation from worker threads.
private final class HandedFrames: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.withLock { value } }
    func add() { lock.withLock { value += 1 } }
}
