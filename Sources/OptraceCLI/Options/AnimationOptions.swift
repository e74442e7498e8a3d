import ArgumentParser
import OptracePictures
import OptracePlot

/// `--animation`: the formats an animation is written in.
public struct AnimationOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Animation formats, comma-separated: apng, gif, mp4, webm, webp; or none.",
        discussion: "mp4 and webm are made by the ffmpeg program (apt-get install ffmpeg)."))
    public var animation: String = "apng"

    public init() {}

    public func validate() throws {
        _ = try formats()
    }

    /// The formats asked for, in a fixed order.
    public func formats() throws -> [AnimationFormat] {
        do {
            return try AnimationFormat.list(animation)
        } catch {
            throw ValidationError("--animation: \(error.description)")
        }
    }

    /// Why these formats cannot be written on this machine (ffmpeg missing), or nil.
    var refusal: String? {
        (try? formats()).flatMap { AnimationFiles.refusal($0, environment: CommandEnvironment.current) }
    }
}
