/// Draws a race's frames in parallel and hands them out in step order: each prepared for the animation's formats
/// (the APNG's and GIF's change against the previous frame, the whole image for WebP and video), and optionally
/// as a standalone PNG.
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

    /// One drawn frame: its index among the frames, its step, the standalone PNG (when asked for) and the frame
    /// prepared for the animation (when there is one).
    public struct Frame {
        public var index: Int
        public var step: Int
        public var png: [UInt8]?
        public var animation: PreparedFrame?
    }

    /// The plan of the race's animation in `formats`, at the renderers' pixel size; a GIF's palette is taken from
    /// sample frames drawn by the first renderer, with the racers' colours reserved.
    public static func plan(formats: [AnimationFormat], steps: [Int], renderers: RendererPool, timing: AnimationTiming,
                            fadingTail: Int? = nil, cancellation: Cancellation = .never) throws -> AnimationPlan {
        let r = renderers[0]
        return try AnimationPlan.sampling(
            formats: formats, width: Int((r.width * r.scale).rounded()), height: Int((r.height * r.scale).rounded()),
            frameCount: steps.count, timing: timing, reserved: r.scene.racers.enumerated().map { $1.style(index: $0).color }
        ) { k in try r.renderFrame(step: steps[k], fadingTail: fadingTail, cancellation: cancellation) }
    }

    /// Draws the frames at `steps` with the pool's renderers (paths from step 0, or the last `fadingTail` steps),
    /// prepares each for `plan` (when given) and calls `sink` with each in order; `progress` gets the number of
    /// frames handed out after each batch. Stops with `Cancelled` when `cancellation` fires; rethrows what `sink`
    /// throws.
    public static func render(
        steps: [Int], renderers: RendererPool, plan: AnimationPlan? = nil, fadingTail: Int? = nil, standalonePNGs: Bool,
        framesPerWorker: Int = framesPerWorker, cancellation: Cancellation = .never,
        progress: (Int) -> Void = { _ in }, sink: (Frame) throws -> Void
    ) throws {
        let workers = renderers.count
        var index = 0
        while index < steps.count {
            try cancellation.check()
            let batch = index..<min(steps.count, index + max(1, framesPerWorker) * workers)
            let runs = split(batch, into: workers)
            let encoded = try ParallelPNGEncoder.map(count: runs.count, threads: workers) { w -> [([UInt8]?, PreparedFrame?)] in
                let renderer = renderers[w]
                let scratch = plan?.worker()
                var previous = runs[w].lowerBound > 0 && plan?.needsChanges == true
                    ? try renderer.renderFrame(step: steps[runs[w].lowerBound - 1], fadingTail: fadingTail, cancellation: cancellation)
                    : nil
                var out: [([UInt8]?, PreparedFrame?)] = []
                for k in runs[w] {
                    try cancellation.check()
                    let image = try renderer.renderFrame(step: steps[k], fadingTail: fadingTail, cancellation: cancellation)
                    let png = standalonePNGs ? try PNGEncoder(options: .standard).encode(image, cancellation: cancellation) : nil
                    let frame = try plan.map { plan in
                        try plan.prepare(index: k, previous: previous, current: image, worker: scratch!, cancellation: cancellation)
                    }
                    out.append((png, frame))
                    if plan?.needsChanges == true { previous = image }
                }
                return out
            }
            for (k, (png, frame)) in zip(batch, encoded.joined()) {
                try sink(Frame(index: k, step: steps[k], png: png, animation: frame))
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
        let plan = try plan(formats: [.apng], steps: steps, renderers: renderers,
                            timing: AnimationTiming(fps: fps, finalHold: finalHold), fadingTail: fadingTail)
        let encoders = try AnimationEncoders(plan: plan, sink: { _ in sink }, videoPath: { _ in "" })
        try render(steps: steps, renderers: renderers, plan: plan, fadingTail: fadingTail, standalonePNGs: false,
                   framesPerWorker: framesPerWorker, cancellation: cancellation) { try encoders.append($0.animation!) }
        try encoders.finish()
    }

    /// `range` cut into at most `parts` contiguous runs of nearly equal length.
    static func split(_ range: Range<Int>, into parts: Int) -> [Range<Int>] {
        let n = max(1, min(parts, range.count))
        return (0..<n).map { i in
            range.lowerBound + range.count * i / n..<range.lowerBound + range.count * (i + 1) / n
        }
    }
}
