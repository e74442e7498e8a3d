/// The sequential end of an animation: takes prepared frames in order and hands each format's bytes to its sink
/// (APNG and GIF stream as they grow, the WebP is assembled at the end, MP4 and WebM are written by ffmpeg into
/// their path).
public final class AnimationEncoders {
    public let plan: AnimationPlan
    private var apng: APNGWriter?
    private var gif: GIFWriter?
    private var webp: WebPAnimationWriter?
    private var webpSink: (([UInt8]) throws -> Void)?
    private var videos: [FFmpegVideoWriter] = []
    private var appended = 0
    private var previous: RGBAImage?
    private var scratch: AnimationPlan.Worker?

    /// - Parameters:
    ///   - sink: where each byte-stream format's bytes go, in order (APNG, GIF, WebP).
    ///   - videoPath: the file ffmpeg writes for MP4 and WebM (overwritten).
    ///   - videoName: the name messages give that file (its final name, where it is written under another).
    public init(plan: AnimationPlan, sink: (AnimationFormat) -> ([UInt8]) throws -> Void,
                videoPath: (AnimationFormat) -> String, videoName: ((AnimationFormat) -> String)? = nil) throws {
        self.plan = plan
        do {
            for format in plan.formats {
                switch format {
                case .apng:
                    apng = try APNGWriter(width: plan.width, height: plan.height, frameCount: plan.frameCount,
                                          fps: plan.timing.fps, finalHold: plan.timing.finalHold, sink: sink(.apng))
                case .gif:
                    gif = try GIFWriter(width: plan.width, height: plan.height, palette: plan.palette!, sink: sink(.gif))
                case .webp:
                    webp = try WebPAnimationWriter(width: plan.width, height: plan.height, timing: plan.timing)
                    webpSink = sink(.webp)
                case .mp4, .webm:
                    videos.append(try FFmpegVideoWriter(format: format, width: plan.width, height: plan.height,
                                                        timing: plan.timing, outputPath: videoPath(format),
                                                        name: videoName?(format)))
                }
            }
        } catch {
            abort()
            throw error
        }
    }

    /// Appends the next prepared frame to every format.
    public func append(_ frame: PreparedFrame) throws {
        guard frame.index == appended, appended < plan.frameCount else {
            throw AnimationError("animation frame \(frame.index) arrived as frame \(appended) of \(plan.frameCount)")
        }
        do {
            if let apng, let f = frame.apng { try apng.append(encoded: f) }
            if let gif, let f = frame.gif { try gif.append(encoded: f) }
            if let image = frame.image {
                try webp?.append(image)
                for video in videos { try video.append(image) }
            }
        } catch {
            abort()
            throw error
        }
        appended += 1
    }

    /// Prepares `image` as the next frame on this thread and appends it (for frames drawn one at a time).
    public func append(image: RGBAImage, cancellation: Cancellation = .never) throws {
        if scratch == nil { scratch = plan.worker() }
        let frame = try plan.prepare(index: appended, previous: plan.needsChanges ? previous : nil, current: image,
                                     worker: scratch!, cancellation: cancellation)
        if plan.needsChanges { previous = image }
        try append(frame)
    }

    /// Ends every format once all frames were appended: the GIF's trailer, the WebP's assembly, ffmpeg's end.
    public func finish() throws {
        guard appended == plan.frameCount else {
            abort()
            throw AnimationError("the animation got \(appended) of its \(plan.frameCount) frames")
        }
        do {
            try gif?.finish()
            if let webp, let webpSink { try webpSink(try webp.finish()) }
            webp = nil
            for video in videos { try video.finish() }
        } catch {
            abort()
            throw error
        }
    }

    /// Stops every encoder (ffmpeg is ended); the files are the caller's to discard.
    public func abort() {
        for video in videos { video.abort() }
        webp = nil
    }
}
