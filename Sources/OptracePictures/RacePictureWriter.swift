import Foundation
import OptraceCore
import OptracePlot

/// Draws a race's pictures and writes them: `frames/frame_NNNN.png`, `race.apng`, `summary.png`, `loss.png`.
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

        let framesFolder = options.writeFrames ? try folder.subfolder("frames") : nil
        let digits = max(4, String(steps.count - 1).count)
        let apng = try AtomicFileWriter(path: folder.file("race.apng"))
        var apngError: Error?
        let writer = try APNGWriter(
            width: Int((options.width * options.scale).rounded()), height: Int((options.height * options.scale).rounded()),
            frameCount: steps.count, fps: options.fps, finalHold: options.finalHold
        ) { bytes in
            do { try apng.write(bytes) } catch { apngError = error; throw error }
        }
        try PictureCancellation.run {
            try RaceAnimation.render(
                steps: steps, renderers: renderers, fadingTail: options.tail, standalonePNGs: framesFolder != nil,
                cancellation: stop, progress: { progress($0, steps.count) }
            ) { frame in
                if let framesFolder, let png = frame.png {
                    let k = String(frame.index)
                    let name = "frame_" + String(repeating: "0", count: max(0, digits - k.count)) + k + ".png"
                    try AtomicFile.write(png, to: framesFolder.file(name))
                }
                try writer.append(encoded: frame.apngFrame)
            }
        }
        if let apngError { throw apngError }
        try Interruption.check()
        try apng.commit()
        if framesFolder != nil { written.files.append("frames/ (\(steps.count) PNG)") }
        written.files.append("race.apng")

        // The summary and the loss plot are drawn and encoded side by side.
        try Interruption.check()
        let lossScene = RaceScenes.loss(scenario, result)
        let lossHeight = width * 9 / 16
        let pictures = try ParallelPNGEncoder.map(count: 2, threads: workers) { k -> [UInt8] in
            let stop = PictureCancellation.interruption
            let image = try PictureCancellation.run {
                k == 0
                    ? try renderers[0].renderSummary(cancellation: stop)
                    : try LossPlotRenderer(scene: lossScene, width: width, height: lossHeight, scale: scale).render(cancellation: stop)
            }
            return try PictureCancellation.run { try PNGEncoder(options: .standard).encode(image, cancellation: stop) }
        }
        try Interruption.check()
        try AtomicFile.write(pictures[0], to: folder.file("summary.png"))
        written.files.append("summary.png")
        try AtomicFile.write(pictures[1], to: folder.file("loss.png"))
        written.files.append("loss.png")
        return written
    }
}
