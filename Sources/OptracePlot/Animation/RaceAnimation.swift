/// Turns a race into an animated PNG: one frame per (strided) step, rendered in batches on the calling thread and
/// delta-encoded on all cores, streamed out in order.
public enum RaceAnimation {
    /// The steps that become frames: 0, stride, 2·stride, … and always the last step.
    public static func steps(lastStep: Int, stride: Int) -> [Int] {
        var s = Array(Swift.stride(from: 0, through: max(0, lastStep), by: max(1, stride)))
        if s.last != max(0, lastStep) { s.append(max(0, lastStep)) }
        return s
    }

    /// Streams the APNG into `sink`. Memory holds at most `batchSize + 1` frames.
    public static func writeAPNG(renderer: RaceFrameRenderer, fps: Double, finalHold: Double = 2,
                                 fadingTail: Int? = nil, stepStride: Int = 1, options: PNGOptions = .apngDelta,
                                 keyframeOptions: PNGOptions = .apngKeyframe, threads: Int? = nil, batchSize: Int = 24,
                                 sink: @escaping ([UInt8]) throws -> Void) throws {
        let steps = steps(lastStep: renderer.scene.lastStep, stride: stepStride)
        let first = renderer.renderFrame(step: steps[0], fadingTail: fadingTail)
        let writer = try APNGWriter(width: first.width, height: first.height, frameCount: steps.count, fps: fps,
                                    finalHold: finalHold, options: options, keyframeOptions: keyframeOptions, sink: sink)
        var previous = first
        try writer.append(encoded: EncodedFrame.encode(FrameDelta.full(first), options: keyframeOptions))
        var index = 1
        while index < steps.count {
            let batchSteps = steps[index..<min(steps.count, index + max(1, batchSize))]
            var batch = [previous]
            for s in batchSteps { batch.append(renderer.renderFrame(step: s, fadingTail: fadingTail)) }
            let frames = batch
            let encoded = try ParallelPNGEncoder.map(count: frames.count - 1, threads: threads) { k in
                try EncodedFrame.encode(FrameDelta.between(frames[k], frames[k + 1]), options: options)
            }
            for e in encoded { try writer.append(encoded: e) }
            previous = batch[batch.count - 1]
            index += batchSteps.count
        }
    }

    /// The whole APNG in memory.
    public static func apng(renderer: RaceFrameRenderer, fps: Double, finalHold: Double = 2, fadingTail: Int? = nil,
                            stepStride: Int = 1, options: PNGOptions = .apngDelta,
                            keyframeOptions: PNGOptions = .apngKeyframe, threads: Int? = nil) throws -> [UInt8] {
        var bytes = [UInt8]()
        let box = ByteBox()
        try writeAPNG(renderer: renderer, fps: fps, finalHold: finalHold, fadingTail: fadingTail, stepStride: stepStride,
                      options: options, keyframeOptions: keyframeOptions, threads: threads) { box.bytes += $0 }
        swap(&bytes, &box.bytes)
        return bytes
    }
}

/// Collects streamed bytes.
private final class ByteBox {
    var bytes: [UInt8] = []
}
