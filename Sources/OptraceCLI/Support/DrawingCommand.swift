/// A command that may draw pictures: Cairo is loaded (and its absence reported) before it writes anything.
protocol DrawingCommand {
    /// Whether this run draws pictures (false with `--no-render`, for example).
    var drawsPictures: Bool { get }
}

extension RaceCommand: DrawingCommand {
    var drawsPictures: Bool { !output.noRender }
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
}
