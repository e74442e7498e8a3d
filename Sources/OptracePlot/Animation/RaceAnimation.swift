import Dispatch
import Foundation

/// Turns a race into an animated PNG: one frame per (strided) step. Frames are rendered in batches on the calling
/// thread while the previous batch is delta-encoded on worker threads; the file is streamed out in frame order.
public enum RaceAnimation {
    /// The steps that become frames: 0, stride, 2·stride, … and always the last step.
    public static func steps(lastStep: Int, stride: Int) -> [Int] {
        var s = Array(Swift.stride(from: 0, through: max(0, lastStep), by: max(1, stride)))
        if s.last != max(0, lastStep) { s.append(max(0, lastStep)) }
        return s
    }

    /// Streams the APNG into `sink`. Memory holds at most about `2 × batchSize` frames.
    /// The bytes do not depend on `threads` or `batchSize`.
    public static func writeAPNG(renderer: RaceFrameRenderer, fps: Double, finalHold: Double = 2,
                                 fadingTail: Int? = nil, stepStride: Int = 1, keyframeOptions: PNGOptions = .apngKeyframe,
                                 threads: Int? = nil, batchSize: Int = 16,
                                 sink: @escaping ([UInt8]) throws -> Void) throws {
        let steps = steps(lastStep: renderer.scene.lastStep, stride: stepStride)
        let first = renderer.renderFrame(step: steps[0], fadingTail: fadingTail)
        let writer = try APNGWriter(width: first.width, height: first.height, frameCount: steps.count, fps: fps,
                                    finalHold: finalHold, keyframeOptions: keyframeOptions, sink: sink)
        let workers = max(1, threads ?? ParallelPNGEncoder.defaultThreads)
        var pending: EncodingBatch?
        var previous = first
        // The keyframe is encoded in the background too, while the first batch renders.
        var index = 1
        var keyframe: EncodingBatch? = EncodingBatch(frames: [first], keyframeOptions: keyframeOptions, workers: 1)
        while index < steps.count || keyframe != nil {
            var batch: EncodingBatch?
            if index < steps.count {
                let batchSteps = steps[index..<min(steps.count, index + max(1, batchSize))]
                var frames = [previous]
                for s in batchSteps { frames.append(renderer.renderFrame(step: s, fadingTail: fadingTail)) }
                previous = frames[frames.count - 1]
                index += batchSteps.count
                batch = EncodingBatch(frames: frames, keyframeOptions: nil, workers: workers)
            }
            if let k = keyframe {
                for e in try k.results() { try writer.append(encoded: e) }
                keyframe = nil
            }
            if let p = pending {
                for e in try p.results() { try writer.append(encoded: e) }
            }
            pending = batch
        }
        if let p = pending {
            for e in try p.results() { try writer.append(encoded: e) }
        }
    }

    /// Renders every (strided) step as a standalone PNG: frames are drawn in batches on the calling thread and each
    /// batch is encoded on `threads` threads; `sink(step, bytes)` receives them in step order.
    public static func writePNGFrames(renderer: RaceFrameRenderer, fadingTail: Int? = nil, stepStride: Int = 1,
                                      options: PNGOptions = .standard, threads: Int? = nil, batchSize: Int = 16,
                                      sink: (Int, [UInt8]) throws -> Void) throws {
        let all = steps(lastStep: renderer.scene.lastStep, stride: stepStride)
        var index = 0
        while index < all.count {
            let batch = Array(all[index..<min(all.count, index + max(1, batchSize))])
            let images = batch.map { renderer.renderFrame(step: $0, fadingTail: fadingTail) }
            let encoded = try ParallelPNGEncoder.encode(images, options: options, threads: threads)
            for (step, bytes) in zip(batch, encoded) { try sink(step, bytes) }
            index += batch.count
        }
    }

    /// The whole APNG in memory.
    public static func apng(renderer: RaceFrameRenderer, fps: Double, finalHold: Double = 2, fadingTail: Int? = nil,
                            stepStride: Int = 1, keyframeOptions: PNGOptions = .apngKeyframe,
                            threads: Int? = nil) throws -> [UInt8] {
        var bytes = [UInt8]()
        try writeAPNG(renderer: renderer, fps: fps, finalHold: finalHold, fadingTail: fadingTail, stepStride: stepStride,
                      keyframeOptions: keyframeOptions, threads: threads) { bytes += $0 }
        return bytes
    }
}

/// Frames being encoded in the background: with `keyframeOptions`, the keyframe `frames[0]` alone (libpng);
/// without, the deltas between consecutive `frames` (`SparseDeflate`).
private final class EncodingBatch: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var slots: [Result<EncodedFrame, Error>?]

    init(frames: [RGBAImage], keyframeOptions: PNGOptions?, workers: Int) {
        let count = keyframeOptions != nil ? 1 : frames.count - 1
        slots = Array(repeating: nil, count: count)
        let n = max(1, min(workers, count))
        for w in 0..<n {
            DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
                var k = w
                while k < count {
                    let result = Result { () throws -> EncodedFrame in
                        guard let keyframeOptions else { return EncodedFrame.encode(FrameDelta.between(frames[k], frames[k + 1])) }
                        return try EncodedFrame.encode(FrameDelta.full(frames[0]), options: keyframeOptions)
                    }
                    lock.lock()
                    slots[k] = result
                    lock.unlock()
                    k += n
                }
            }
        }
    }

    /// Waits for the batch and returns its frames in order (rethrowing the first error).
    func results() throws -> [EncodedFrame] {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        return try slots.map { try $0!.get() }
    }
}
