import Foundation
import OptraceCore
import OptracePlot

/// Draws a race's pictures and writes them: `frames/frame_NNNN.png`, `race.apng`, `summary.png`, `loss.png`.
///
/// Frames are drawn and encoded in parallel: each worker owns a renderer and takes a
/// contiguous run of frames in a batch, draws each once and encodes it twice, in full for
/// `frames/` and as the changed rectangle against the previous frame for the APNG (a run's
/// first frame draws its predecessor too). A frame's pixels do not depend on which frames a
/// renderer drew before, so the bytes do not depend on the thread count. Files are written
/// in step order; each appears complete or not at all (temporary file, then rename).
struct RacePictureWriter {
    let scenario: Scenario
    let result: RaceResult
    let options: RacePictureOptions

    /// Frames per worker in each batch (bounds memory: a batch's encoded frames wait to be written in order).
    static let framesPerWorker = 16

    /// What was written, for the summary line.
    struct Written {
        var files: [String] = []
    }

    func write(into folder: OutputFolder, console: Console) throws -> Written {
        var written = Written()
        let (columns, rows) = RaceScenes.fieldSize(width: options.width, height: options.height, scale: options.scale)
        let field = RaceScenes.field(scenario.surface, columns: columns, rows: rows)
        let scene = RaceScenes.race(scenario, result, field: field, colormap: options.colormap)
        let lastStep = result.trajectories.map(\.lastStep).max() ?? 0
        let steps = RaceAnimation.steps(lastStep: lastStep, stride: options.every)
        let workers = max(1, min(options.threads ?? ParallelPNGEncoder.defaultThreads, (steps.count + 1) / 2))
        let (width, height, scale) = (options.width, options.height, options.scale)
        let renderers = try RendererPool(count: workers) {
            try RaceFrameRenderer(scene: scene, width: width, height: height, scale: scale, cancellation: PictureCancellation.interruption)
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
        let progress = ProgressBar(console: console, total: steps.count, label: "frames", enabled: options.showProgress)
        let tail = options.tail
        let encodeFull = framesFolder != nil
        var index = 0
        while index < steps.count {
            try Interruption.check()
            let batch = index..<min(steps.count, index + Self.framesPerWorker * workers)
            let runs = Self.split(batch, into: workers)
            let encoded = try ParallelPNGEncoder.map(count: runs.count, threads: workers) { w -> [([UInt8]?, EncodedFrame)] in
                let renderer = renderers[w]
                let stop = PictureCancellation.interruption
                var previous = try runs[w].lowerBound > 0
                    ? PictureCancellation.run { try renderer.renderFrame(step: steps[runs[w].lowerBound - 1], fadingTail: tail, cancellation: stop) }
                    : nil
                var out: [([UInt8]?, EncodedFrame)] = []
                for k in runs[w] {
                    try Interruption.check()
                    let image = try PictureCancellation.run { try renderer.renderFrame(step: steps[k], fadingTail: tail, cancellation: stop) }
                    let png = encodeFull ? try PictureCancellation.run { try PNGEncoder(options: .standard).encode(image, cancellation: stop) } : nil
                    let frame = try previous.map { EncodedFrame.encode(FrameDelta.between($0, image)) }
                        ?? PictureCancellation.run {
                            try EncodedFrame.encode(FrameDelta.full(image), options: .apngKeyframe, cancellation: stop)
                        }
                    out.append((png, frame))
                    previous = image
                }
                return out
            }
            for (k, (png, frame)) in zip(batch, encoded.joined()) {
                if let framesFolder, let png {
                    let name = "frame_" + String(repeating: "0", count: max(0, digits - String(k).count)) + String(k) + ".png"
                    try AtomicFile.write(png, to: framesFolder.file(name))
                }
                try writer.append(encoded: frame)
            }
            index = batch.upperBound
            progress.update(index)
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

    /// `range` cut into at most `parts` contiguous runs of nearly equal length.
    static func split(_ range: Range<Int>, into parts: Int) -> [Range<Int>] {
        let n = max(1, min(parts, range.count))
        return (0..<n).map { i in
            range.lowerBound + range.count * i / n..<range.lowerBound + range.count * (i + 1) / n
        }
    }
}

/// One renderer per worker (renderers are not thread-safe); built concurrently. Throws `Interrupted` when
/// SIGINT/SIGTERM stops the drawing of their static layers.
final class RendererPool: @unchecked Sendable {
    private let renderers: [RaceFrameRenderer]

    init(count: Int, make: @Sendable () throws -> RaceFrameRenderer) throws {
        let built = try PictureCancellation.run {
            try ParallelPNGEncoder.map(count: count, threads: count) { _ in UncheckedRenderer(try make()) }
        }
        renderers = built.map(\.renderer)
    }

    subscript(index: Int) -> RaceFrameRenderer { renderers[index] }
}

/// A renderer handed from the worker that built it to the pool.
private struct UncheckedRenderer: @unchecked Sendable {
    let renderer: RaceFrameRenderer
    init(_ renderer: RaceFrameRenderer) { self.renderer = renderer }
}
