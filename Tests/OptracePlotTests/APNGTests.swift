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
    @Test func raceAPNGComposesToTheRenderedFrames() throws {
        let scene = DemoRace.scene(steps: 9)
        let renderer = RaceFrameRenderer(scene: scene, width: 320, height: 240)
        let bytes = try RaceAnimation.apng(renderer: renderer, fps: 10, stepStride: 2, threads: 2)
        #expect(RaceAnimation.steps(lastStep: 9, stride: 2) == [0, 2, 4, 6, 8, 9])
        let reader = try APNGReader(bytes)
        #expect(reader.frames.count == 6)
        for (k, step) in [0, 2, 4, 6, 8, 9].enumerated() {
            #expect(reader.frames[k] == renderer.renderFrame(step: step, fadingTail: nil).straightRGBA(), "step \(step)")
        }
        // Later frames are deltas: each stores less than the full canvas.
        #expect(reader.controls.dropFirst().allSatisfy { $0.width * $0.height < 320 * 240 })
        // Same bytes whatever the thread count and batch size.
        for (threads, batch) in [(1, 1), (3, 2), (2, 50)] {
            var other = [UInt8]()
            try RaceAnimation.writeAPNG(renderer: renderer, fps: 10, stepStride: 2, threads: threads, batchSize: batch) { other += $0 }
            #expect(other == bytes, "threads \(threads), batch \(batch)")
        }
    }

    @Test func pngFramesArriveInStepOrderAndDecodeToTheFrames() throws {
        let renderer = RaceFrameRenderer(scene: DemoRace.scene(steps: 7), width: 240, height: 180)
        var steps: [Int] = []
        try RaceAnimation.writePNGFrames(renderer: renderer, stepStride: 3, threads: 2, batchSize: 2) { step, bytes in
            steps.append(step)
            let decoded = try PNGDecoder.decode(bytes)
            #expect(decoded == renderer.renderFrame(step: step, fadingTail: nil))
        }
        #expect(steps == [0, 3, 6, 7])
    }
}
