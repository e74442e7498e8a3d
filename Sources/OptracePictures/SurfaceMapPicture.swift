import OptraceCore
import OptracePlot

/// The race figure's map without racers (bands, iso-lines, axes, colour bar, minima) and where its plot lies, for a
/// page that draws the paths itself.
public struct SurfaceMapPicture: Sendable {
    /// The PNG bytes.
    public let png: [UInt8]
    public let pixelWidth: Int
    public let pixelHeight: Int
    /// The plot's rectangle in pixels and the surface ranges it spans.
    public let plot: PlotTransform

    /// Draws `scenario`'s surface at `width` × `height` figure units times `scale`, titled with the scenario's title and
    /// formula.
    public init(scenario: Scenario, width: Double, height: Double, scale: Double = 1, colormap: Colormap = .viridis) throws {
        let (columns, rows) = RaceScenes.fieldSize(width: width, height: height, scale: scale)
        let field = RaceScenes.field(scenario.surface, columns: columns, rows: rows)
        let scene = RaceScene(
            title: scenario.title, subtitle: "f(x, y) = \(scenario.surface.typesetFormula)", field: field, colormap: colormap,
            minima: scenario.surface.minima.map { OptracePlot.KnownMinimum(point: $0.point, isGlobal: $0.isGlobal) },
            racers: [], lossFloor: RaceScenes.lossFloor(scenario))
        let renderer = RaceFrameRenderer(scene: scene, width: width, height: height, scale: scale)
        let image = renderer.renderMap()
        png = try PNGEncoder(options: .standard).encode(image)
        pixelWidth = image.width
        pixelHeight = image.height
        plot = renderer.plotPixels
    }

    /// Each racer's colour (`#rrggbb`), dash and legend label, as the race pictures draw them.
    public static func racerStyles(_ result: RaceResult) -> [(color: String, dash: String, label: String)] {
        RaceScenes.tracks(result).enumerated().map { index, track in
            let style = track.style(index: index)
            return (style.color.hexString, style.dash.rawValue, track.legendLabel)
        }
    }
}
