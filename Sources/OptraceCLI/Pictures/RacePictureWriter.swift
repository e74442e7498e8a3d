import Foundation
import OptraceCore
import OptracePlot

/// Draws a race's pictures and writes them: `frames/frame_NNNN.png`, `race.apng`, `summary.png`, `loss.png`.
///
/// Each frame is rendered once (on this thread; rendering is cheap next to encoding) and then
/// encoded twice in parallel across cores: in full for `frames/`, and as the changed
/// rectangle against the previous frame for the APNG. Every file appears complete or not at
/// all (temporary file, then rename); bytes do not depend on the thread count.
struct RacePictureWriter {
    let scenario: Scenario
    let result: RaceResult
    let options: RacePictureOptions

    /// Frames rendered before each parallel encoding pass (bounds memory).
    static let batchSize = 24

    /// What was written, for the summary line.
    struct Written {
        var frames = 0
        var files: [String] = []
    }

    func write(into folder: OutputFolder, console: Console) throws -> Written {
        var written = Written()
        let (columns, rows) = RaceScenes.fieldSize(width: options.width, height: options.height, scale: options.scale)
        let field = RaceScenes.field(scenario.surface, columns: columns, rows: rows)
        let scene = RaceScenes.race(scenario, result, field: field, colormap: options.colormap)
        let renderer = RaceFrameRenderer(scene: scene, width: options.width, height: options.height, scale: options.scale)
        let lastStep = result.trajectories.map(\.lastStep).max() ?? 0
        let steps = RaceAnimation.steps(lastStep: lastStep, stride: options.every)

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
        var previous: RGBAImage?
        var index = 0
        while index < steps.count {
            try Interruption.check()
            let batchSteps = Array(steps[index..<min(steps.count, index + Self.batchSize)])
            let images = batchSteps.map { renderer.renderFrame(step: $0, fadingTail: options.tail) }
            let before = previous
            let first = index
            let encodeFull = framesFolder != nil
            let encoded = try ParallelPNGEncoder.map(count: images.count, threads: options.threads) { k -> ([UInt8]?, EncodedFrame) in
                try Interruption.check()
                let png = encodeFull ? try PNGEncoder(options: .standard).encode(images[k]) : nil
                let delta: FrameDelta
                if first + k == 0 {
                    delta = FrameDelta.full(images[k])
                } else {
                    delta = FrameDelta.between(k == 0 ? before! : images[k - 1], images[k])
                }
                let frame = try EncodedFrame.encode(delta, options: first + k == 0 ? .apngKeyframe : .apngDelta)
                return (png, frame)
            }
            for (k, (png, frame)) in encoded.enumerated() {
                if let framesFolder, let png {
                    let name = "frame_" + String(repeating: "0", count: max(0, digits - String(first + k).count)) + String(first + k) + ".png"
                    try AtomicFile.write(png, to: framesFolder.file(name))
                }
                try writer.append(encoded: frame)
            }
            previous = images.last
            index += batchSteps.count
            progress.update(index)
        }
        if let apngError { throw apngError }
        try Interruption.check()
        try apng.commit()
        written.frames = framesFolder == nil ? 0 : steps.count
        if framesFolder != nil { written.files.append("frames/ (\(steps.count) PNG)") }
        written.files.append("race.apng")

        try Interruption.check()
        let summary = try PNGEncoder(options: .apngKeyframe).encode(renderer.renderSummary())
        try AtomicFile.write(summary, to: folder.file("summary.png"))
        written.files.append("summary.png")

        try Interruption.check()
        let lossRenderer = LossPlotRenderer(
            scene: RaceScenes.loss(scenario, result), width: options.width, height: options.width * 9 / 16, scale: options.scale)
        try AtomicFile.write(try PNGEncoder(options: .apngKeyframe).encode(lossRenderer.render()), to: folder.file("loss.png"))
        written.files.append("loss.png")
        return written
    }
}
