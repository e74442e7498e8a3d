/// The formats one animation is written in, its size, frame count and timing, and the GIF palette: everything
/// a worker needs to prepare any frame on any thread (`prepare`), so the bytes do not depend on the threads.
public struct AnimationPlan: Sendable {
    public let formats: [AnimationFormat]
    public let width: Int
    public let height: Int
    public let frameCount: Int
    public let timing: AnimationTiming
    /// The GIF's global palette (present when GIF is among the formats).
    public let palette: GIFPalette?

    public init(formats: [AnimationFormat], width: Int, height: Int, frameCount: Int, timing: AnimationTiming,
                palette: GIFPalette? = nil) {
        precondition(width > 0 && height > 0 && frameCount > 0)
        precondition(!formats.contains(.gif) || palette != nil, "a GIF needs its palette")
        self.formats = formats.sorted()
        self.width = width
        self.height = height
        self.frameCount = frameCount
        self.timing = timing
        self.palette = palette
    }

    /// A plan whose GIF palette (when GIF is among the formats) comes from sample frames drawn by `frame`:
    /// the first, the last and evenly spaced ones between (`GIFPalette.sampleIndices`).
    public static func sampling(formats: [AnimationFormat], width: Int, height: Int, frameCount: Int, timing: AnimationTiming,
                                reserved: [RGBColor] = [], frame: (Int) throws -> RGBAImage) rethrows -> AnimationPlan {
        var palette: GIFPalette?
        if formats.contains(.gif) {
            let samples = try GIFPalette.sampleIndices(frameCount: frameCount).map(frame)
            palette = GIFPalette.build(from: samples, reserved: reserved)
        }
        return AnimationPlan(formats: formats, width: width, height: height, frameCount: frameCount, timing: timing, palette: palette)
    }

    /// Whether any format needs a frame's change from the one before it.
    var needsChanges: Bool { formats.contains(.apng) || formats.contains(.gif) }

    /// Scratch a worker keeps between the frames it prepares (the GIF's colour lookups).
    public final class Worker {
        let colorIndex: GIFColorIndex?
        init(_ palette: GIFPalette?) { colorIndex = palette.map(GIFColorIndex.init) }
    }

    /// A worker's scratch; make one per thread.
    public func worker() -> Worker { Worker(palette) }

    /// Frame `index` prepared for every format: `previous` is frame `index − 1` (nil for the first frame).
    public func prepare(index: Int, previous: RGBAImage?, current: RGBAImage, worker: Worker,
                        cancellation: Cancellation = .never) throws -> PreparedFrame {
        var frame = PreparedFrame(index: index)
        if formats.contains(.apng) {
            frame.apng = try previous.map { EncodedFrame.encode(FrameDelta.between($0, current)) }
                ?? EncodedFrame.encode(FrameDelta.full(current), options: .apngKeyframe, cancellation: cancellation)
        }
        if formats.contains(.gif), let palette, let colorIndex = worker.colorIndex {
            frame.gif = try GIFFrameEncoder(palette: palette, width: width, height: height).encode(
                previous: previous, current: current, delay: timing.gifDelay(frame: index, of: frameCount),
                index: colorIndex, cancellation: cancellation)
        }
        if formats.contains(where: \.needsWholeFrames) { frame.image = current }
        return frame
    }
}
