/// Draws a race's frames in parallel and hands them out in step order: each as the changed rectangle against the
/// previous frame for the APNG, and optionally as a standalone PNG.
///
/// Each worker owns a renderer and takes a contiguous run of frames in a batch, draws each once and encodes it
/// once or twice (a run's first frame draws its predecessor too, for the delta). A frame's pixels do not depend
/// on which frames a renderer drew before, so the bytes do not depend on the number of workers or the batch size.
public enum RaceAnimation {
    /// Frames per worker in each batch (bounds memory: a batch's encoded frames wait to be handed out in order).
    public static let framesPerWorker = 16

    /// The steps that become frames: 0, stride, 2·stride, … and always the last step.
    public static func steps(lastStep: Int, stride: Int) -> [Int] {
        var s = Array(Swift.stride(from: 0, through: max(0, lastStep), by: max(1, stride)))
        if s.last != max(0, lastStep) { s.append(max(0, lastStep)) }
        return s
    }

    /// One drawn frame: its index among the frames, its step, the standalone PNG (when asked for) and the APNG frame.
    public struct Frame {
        public var index: Int
        public var step: Int
        public var png: [UInt8]?
        public var apngFrame: EncodedFrame
    }

    /// Draws the frames at `steps` with the pool's renderers (paths from step 0, or the last `fadingTail` steps)
    /// and calls `sink` with each in order; `progress` gets the number of frames handed out after each batch.
    /// Stops with `Cancelled` when `cancellation` fires; rethrows what `sink` throws.
    public static func render(
        steps: [Int], renderers: RendererPool, fadingTail: Int? = nil, standalonePNGs: Bool,
        framesPerWorker: Int = framesPerWorker, cancellation: Cancellation = .never,
        progress: (Int) -> Void = { _ in }, sink: (Frame) throws -> Void
    ) throws {
        let workers = renderers.count
        var index = 0
        while index < steps.count {
            try cancellation.check()
            let batch = index..<min(steps.count, index + max(1, framesPerWorker) * workers)
            let runs = split(batch, into: workers)
            let encoded = try ParallelPNGEncoder.map(count: runs.count, threads: workers) { w -> [([UInt8]?, EncodedFrame)] in
                let renderer = renderers[w]
                var previous = runs[w].lowerBound > 0
                    ? try renderer.renderFrame(step: steps[runs[w].lowerBound - 1], fadingTail: fadingTail, cancellation: cancellation)
                    : nil
                var out: [([UInt8]?, EncodedFrame)] = []
                for k in runs[w] {
                    try cancellation.check()
                    let image = try renderer.renderFrame(step: steps[k], fadingTail: fadingTail, cancellation: cancellation)
                    let png = standalonePNGs ? try PNGEncoder(options: .standard).encode(image, cancellation: cancellation) : nil
                    let frame = try previous.map { EncodedFrame.encode(FrameDelta.between($0, image)) }
                        ?? EncodedFrame.encode(FrameDelta.full(image), options: .apngKeyframe, cancellation: cancellation)
                    out.append((png, frame))
                    previous = image
                }
                return out
            }
            for (k, (png, frame)) in zip(batch, encoded.joined()) {
                try sink(Frame(index: k, step: steps[k], png: png, apngFrame: frame))
            }
            index = batch.upperBound
            progress(index)
        }
    }

    /// The race as an APNG, streamed to `sink`: `render` with an `APNGWriter` (the first frame shown
    /// for `1/fps` s like the others, the last held `finalHold` s).
    public static func writeAPNG(
        steps: [Int], renderers: RendererPool, fps: Double, finalHold: Double = 2, fadingTail: Int? = nil,
        framesPerWorker: Int = framesPerWorker, cancellation: Cancellation = .never,
        sink: @escaping ([UInt8]) throws -> Void
    ) throws {
        let r = renderers[0]
        let writer = try APNGWriter(
            width: Int((r.width * r.scale).rounded()), height: Int((r.height * r.scale).rounded()),
            frameCount: steps.count, fps: fps, finalHold: finalHold, sink: sink)
        try render(steps: steps, renderers: renderers, fadingTail: fadingTail, standalonePNGs: false,
                   framesPerWorker: framesPerWorker, cancellation: cancellation) { try writer.append(encoded: $0.apngFrame) }
    }

    /// `range` cut into at most `parts` contiguous runs of nearly equal length.
    static func split(_ range: Range<Int>, into parts: Int) -> [Range<Int>] {
        let n = max(1, min(parts, range.count))
        return (0..<n).map { i in
            range.lowerBound + range.count * i / n..<range.lowerBound + range.count * (i + 1) / n
        }
    }
}
