import Foundation
import OptraceCore
import OptracePlot

/// Draws a race's pictures and writes them: `frames/frame_NNNN.png`, the animation (`race.apng`, `race.gif`,
/// `race.mp4`, `race.webm`, `race.webp`, as the options ask), `summary.png`, `loss.png`.
///
/// The frames come from `RaceAnimation.render` (parallel, the bytes independent of the thread count) and are
/// written in step order; each file appears complete or not at all (temporary file, then rename).
public struct RacePictureWriter {
    public let scenario: Scenario
    public let result: RaceResult
    public let options: RacePictureOptions

    public init(scenario: Scenario, result: RaceResult, options: RacePictureOptions) {
        self.scenario = scenario
        self.result = result
        self.options = options
    }

    /// What was written, for the summary line.
    public struct Written {
        public var files: [String] = []
    }

    /// Writes the pictures into `folder`; `progress(done, total)` follows the frames.
    public func write(into folder: OutputFolder, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> Written {
        var written = Written()
        let framesFolder = options.writeFrames ? try folder.subfolder("frames") : nil
        var files: AnimationFiles?
        let (renderers, frameCount) = try animate(
            animation: options.animations.isEmpty ? nil : { plan in
                files = try AnimationFiles(plan: plan, base: "race", folder: folder)
                return files!.encoders
            },
            frames: framesFolder.map { framesFolder in
                { name, png in try AtomicFile.write(png, to: framesFolder.file(name)) }
            },
            progress: progress)
        if framesFolder != nil { written.files.append("frames/ (\(frameCount) PNG)") }
        if let files {
            do {
                written.files += try files.commit()
            } catch {
                try Interruption.check()
                throw error
            }
        }

        let (summary, loss) = try stills(renderers)
        try AtomicFile.write(summary, to: folder.file("summary.png"))
        written.files.append("summary.png")
        try AtomicFile.write(loss, to: folder.file("loss.png"))
        written.files.append("loss.png")
        return written
    }

    /// The animation's bytes in `format` (APNG, GIF or WebP; no frames, no stills), for a server that writes nothing
    /// to disk.
    public func animationBytes(_ format: AnimationFormat = .apng) throws -> [UInt8] {
        precondition(!format.needsFFmpeg, "\(format) is written by ffmpeg into a file")
        var bytes: [UInt8] = []
        var encoders: AnimationEncoders?
        _ = try animate(
            animation: { plan in
                encoders = try AnimationEncoders(plan: plan, sink: { _ in { bytes += $0 } }, videoPath: { _ in "" })
                return encoders!
            },
            frames: nil, progress: { _, _ in }, formats: [format])
        try encoders?.finish()
        return bytes
    }

    /// The summary picture's PNG bytes alone.
    public func summaryBytes() throws -> [UInt8] {
        let (columns, rows) = RaceScenes.fieldSize(width: options.width, height: options.height, scale: options.scale)
        let field = RaceScenes.field(scenario.surface, columns: columns, rows: rows)
        let scene = RaceScenes.race(scenario, result, field: field, colormap: options.colormap)
        let stop = PictureCancellation.interruption
        let renderer = try PictureCancellation.run {
            try RaceFrameRenderer(scene: scene, width: options.width, height: options.height, scale: options.scale, cancellation: stop)
        }
        let image = try PictureCancellation.run { try renderer.renderSummary(cancellation: stop) }
        return try PictureCancellation.run { try PNGEncoder(options: .standard).encode(image, cancellation: stop) }
    }

    /// Renders the frames into the encoders `animation` opens for the plan (and each frame's standalone PNG into
    /// `frames`, by file name); returns the renderers (for the stills) and the frame count. With neither, no frame
    /// is drawn.
    private func animate(
        animation: ((AnimationPlan) throws -> AnimationEncoders)?, frames: ((String, [UInt8]) throws -> Void)?,
        progress: (_ done: Int, _ total: Int) -> Void, formats: [AnimationFormat]? = nil
    ) throws -> (RendererPool, Int) {
        let (columns, rows) = RaceScenes.fieldSize(width: options.width, height: options.height, scale: options.scale)
        let field = RaceScenes.field(scenario.surface, columns: columns, rows: rows)
        let scene = RaceScenes.race(scenario, result, field: field, colormap: options.colormap)
        let lastStep = result.trajectories.map(\.lastStep).max() ?? 0
        let steps = RaceAnimation.steps(lastStep: lastStep, stride: options.every)
        let workers = max(1, min(options.threads ?? ParallelPNGEncoder.defaultThreads, (steps.count + 1) / 2))
        let (width, height, scale) = (options.width, options.height, options.scale)
        let stop = PictureCancellation.interruption
        let renderers = try PictureCancellation.run {
            try RendererPool(count: workers, scene: scene, width: width, height: height, scale: scale, cancellation: stop)
        }
        guard animation != nil || frames != nil else { return (renderers, steps.count) }
        let digits = max(4, String(steps.count - 1).count)
        let plan = try animation.map { _ in
            try PictureCancellation.run {
                try RaceAnimation.plan(formats: formats ?? options.animations, steps: steps, renderers: renderers,
                                       timing: AnimationTiming(fps: options.fps, finalHold: options.finalHold),
                                       fadingTail: options.tail, cancellation: stop)
            }
        }
        let encoders = try plan.map { try animation!($0) }
        try PictureCancellation.run {
            try RaceAnimation.render(
                steps: steps, renderers: renderers, plan: plan, fadingTail: options.tail, standalonePNGs: frames != nil,
                cancellation: stop, progress: { progress($0, steps.count) }
            ) { frame in
                if let frames, let png = frame.png {
                    let k = String(frame.index)
                    try frames("frame_" + String(repeating: "0", count: max(0, digits - k.count)) + k + ".png", png)
                }
                if let encoders, let prepared = frame.animation {
                    do {
                        try encoders.append(prepared)
                    } catch {
                        // ffmpeg shares the terminal: a Ctrl-C stops it too, and the stop is what to report.
                        try Interruption.check()
                        throw error
                    }
                }
            }
        }
        try Interruption.check()
        return (renderers, steps.count)
    }

    /// The summary and the loss plot, drawn and encoded side by side.
    private func stills(_ renderers: RendererPool) throws -> (summary: [UInt8], loss: [UInt8]) {
        try Interruption.check()
        let lossScene = RaceScenes.loss(scenario, result)
        let (width, scale) = (options.width, options.scale)
        let lossHeight = width * 9 / 16
        let pictures = try ParallelPNGEncoder.map(count: 2, threads: min(2, renderers.count)) { k -> [UInt8] in
            let stop = PictureCancellation.interruption
            let image = try PictureCancellation.run {
                k == 0
                    ? try renderers[0].renderSummary(cancellation: stop)
                    : try LossPlotRenderer(scene: lossScene, width: width, height: lossHeight, scale: scale).render(cancellation: stop)
            }
            return try PictureCancellation.run { try PNGEncoder(options: .standard).encode(image, cancellation: stop) }
        }
        try Interruption.check()
        return (pictures[0], pictures[1])
    }
}
