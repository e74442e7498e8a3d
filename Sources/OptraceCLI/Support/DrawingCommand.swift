import OptracePlot

/// A command that may draw pictures: Cairo and the image libraries are loaded (and their absence reported) before it
/// writes anything, and so is a program its animation formats need.
protocol DrawingCommand {
    /// Whether this run draws pictures (false with `--no-render`, for example).
    var drawsPictures: Bool { get }
    /// The animation formats this run writes.
    var animationFormats: [AnimationFormat] { get }
    /// Why this run's animation formats cannot be written here (ffmpeg missing), or nil.
    var animationRefusal: String? { get }
}

extension DrawingCommand {
    var animationFormats: [AnimationFormat] { [] }
    var animationRefusal: String? { nil }
}

extension RaceCommand: DrawingCommand {
    var drawsPictures: Bool { !output.noRender }
    var animationFormats: [AnimationFormat] { (try? animations.formats()) ?? [] }
    var animationRefusal: String? { animations.refusal }
}

extension TuneSweepCommand: DrawingCommand {
    var drawsPictures: Bool { !output.noRender }
}

extension TuneMergeCommand: DrawingCommand {
    var drawsPictures: Bool { !output.noRender }
}

extension MapCommand: DrawingCommand {
    var drawsPictures: Bool { !output.noRender }
}

extension GradCommand: DrawingCommand {
    var drawsPictures: Bool { out != nil }
    var animationFormats: [AnimationFormat] { (try? animations.formats()) ?? [] }
    var animationRefusal: String? { animations.refusal }
}
