import OptraceCore
import OptracePlot

/// One animation's files in an output folder, `BASE.apng`, `BASE.gif`, `BASE.mp4`, `BASE.webm`, `BASE.webp`:
/// each is written beside its final name and appears there complete, or not at all.
public final class AnimationFiles {
    /// The file names, in the order of the formats.
    public let names: [String]
    public let encoders: AnimationEncoders
    private let writers: [AtomicFileWriter]

    /// Opens the files of `plan`'s formats named `base` in `folder`, and their encoders (ffmpeg is started).
    public init(plan: AnimationPlan, base: String, folder: OutputFolder) throws {
        var writers: [AnimationFormat: AtomicFileWriter] = [:]
        for format in plan.formats { writers[format] = try AtomicFileWriter(path: folder.file(format.fileName(base))) }
        names = plan.formats.map { $0.fileName(base) }
        self.writers = plan.formats.map { writers[$0]! }
        do {
            encoders = try AnimationEncoders(
                plan: plan, sink: { format in { bytes in try writers[format]!.write(bytes) } },
                videoPath: { writers[$0]!.temporaryPath }, videoName: { $0.fileName(base) })
        } catch {
            self.writers.forEach { $0.abort() }
            throw error
        }
    }

    /// Why the formats cannot be written here (one line naming the first format that needs a missing program), or nil.
    public static func refusal(_ formats: [AnimationFormat], environment: [String: String]) -> String? {
        guard let video = formats.first(where: \.needsFFmpeg), FFmpegVideoWriter.locate(environment: environment) == nil else { return nil }
        return FFmpegVideoWriter.missingMessage(for: "--animation \(video.rawValue)", environment: environment)
    }

    /// Ends the encoders and moves every file to its name; returns the names.
    public func commit() throws -> [String] {
        do {
            try encoders.finish()
            for writer in writers { try writer.commit() }
        } catch {
            abort()
            throw error
        }
        return names
    }

    /// Stops the encoders and removes what was written.
    public func abort() {
        encoders.abort()
        writers.forEach { $0.abort() }
    }

    deinit { abort() }
}
