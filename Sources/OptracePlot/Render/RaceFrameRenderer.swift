import CCairo
import Foundation

/// Draws race frames: the static map (bands, iso-lines, axes, colour bar, titles, minima, legend) is painted once and
/// cached; each frame copies it and adds the paths, markers, minima (on top, with a light rim) and scoreboard values.
///
/// Complete paths are drawn incrementally into a cached trail layer (one segment per racer per step, always in the
/// same order, so a frame's pixels do not depend on which frames were rendered before).
///
/// Not thread-safe: use one renderer per thread (rendering is cheap next to encoding; see `ParallelPNGEncoder`).
public final class RaceFrameRenderer {
    public let scene: RaceScene
    /// Figure size in figure units; the images are `(width × scale) × (height × scale)` pixels.
    public let width: Double
    public let height: Double
    public let scale: Double
    /// Below 560 × 420 the whole figure is laid out at that size and scaled down, so small figures keep proportions.
    let designWidth: Double
    let designHeight: Double
    public let colorScale: ColorScale

    let style = FigureStyle()
    let layout: RaceLayout
    let transform: PlotTransform
    let background: CairoCanvas
    let frame: CairoCanvas
    /// Background plus complete paths up to `trailStep`, grown one step at a time (see `advanceTrail`).
    let trail: CairoCanvas
    var trailStep = 0
    /// Each racer's colour, dash and marker.
    let styles: [RacerStyle]
    /// Per racer, the figure-space path length up to each kept point (dash phases for paths drawn piecewise).
    let arcLengths: [[Double]]
    let lastStep: Int

    public convenience init(scene: RaceScene, width: Double = 800, height: Double = 600, scale: Double = 1) {
        // `.never` never fires, so nothing is thrown.
        try! self.init(scene: scene, width: width, height: height, scale: scale, cancellation: .never)
    }

    /// A renderer whose static layer is drawn looking at `cancellation` per row of pixels.
    public init(
        scene: RaceScene, width: Double = 800, height: Double = 600, scale: Double = 1, cancellation: Cancellation
    ) throws(Cancelled) {
        precondition(width >= 100 && height >= 80 && scale > 0, "figure too small")
        self.scene = scene
        self.width = width
        self.height = height
        self.scale = scale
        let shrink = min(1, width / 560, height / 420)
        designWidth = width / shrink
        designHeight = height / shrink
        colorScale = ColorScale(field: scene.field, logScale: scene.logScale, bandCount: scene.bandCount,
                                colormap: scene.colormap, floor: scene.lossFloor)
        styles = scene.racers.enumerated().map { $0.element.style(index: $0.offset) }
        lastStep = scene.lastStep
        let pw = max(1, Int((width * scale).rounded())), ph = max(1, Int((height * scale).rounded()))
        let fonts = FontFaces()
        background = CairoCanvas(pixelWidth: pw, pixelHeight: ph, scale: scale * shrink, fonts: fonts)
        frame = CairoCanvas(pixelWidth: pw, pixelHeight: ph, scale: scale * shrink, fonts: fonts)
        trail = CairoCanvas(pixelWidth: pw, pixelHeight: ph, scale: scale * shrink, fonts: fonts)

        let field = scene.field
        let yTicks = TickLocator.linear(field.yRange, target: 6)
        let cbTicks = RaceFrameRenderer.colorBarTicks(colorScale)
        let canvas = background
        let st = style
        let widestLoss = ["−8.888e−88", "−88888", "diverged"].map {
            max(canvas.measure($0, st.value), canvas.measure($0, TextStyle(size: st.value.size, bold: true)))
        }.max()!
        let digits = String(repeating: "8", count: String(max(lastStep, 0)).count)
        let widestStep = canvas.measure("\(digits) / \(digits)", st.stepValue)
        layout = RaceLayout(width: designWidth, height: designHeight, style: st, title: scene.title,
                            subtitle: scene.subtitle, racerNames: scene.racers.map(\.name), yTickLabels: yTicks.map(\.label), colorBarTickLabels: cbTicks.filter(\.isMajor).map(\.label),
                            widestLoss: widestLoss, widestStepValue: widestStep,
                            measure: { canvas.measure($0, $1) })
        transform = PlotTransform(xRange: field.xRange, yRange: field.yRange, rect: layout.plot)
        let t = transform
        arcLengths = zip(scene.racers, styles).map { racer, style in
            guard style.dash != .solid else { return [] }
            return RaceFrameRenderer.arcLengths(racer.points.map(t.apply))
        }
        try paintStatic(cancellation: cancellation)
        trail.copyPixels(from: background)
    }

    /// Running length of the polyline through `points` (a segment with a non-finite end adds nothing).
    static func arcLengths(_ points: [SIMD2<Double>]) -> [Double] {
        var out = [Double](repeating: 0, count: points.count)
        var total = 0.0
        for k in points.indices.dropFirst() {
            let d = points[k] - points[k - 1]
            let len = (d.x * d.x + d.y * d.y).squareRoot()
            if len.isFinite { total += len }
            out[k] = total
        }
        return out
    }

    /// Colour-bar ticks in the normalised quantity: the loss, or `f − f*` when the scale has a floor.
    static func colorBarTicks(_ scale: ColorScale) -> [Tick] {
        let range = scale.normalization.vmin...scale.normalization.vmax
        return scale.normalization.isLog ? TickLocator.logUniform(range, target: 6) : TickLocator.linear(range, target: 6)
    }

    /// Frame at `step`: paths from step 0 (or only the last `fadingTail` steps, fading out), markers, scoreboard.
    public func renderFrame(step: Int, fadingTail: Int? = nil) -> RGBAImage {
        // `.never` never fires, so nothing is thrown.
        try! renderFrame(step: step, fadingTail: fadingTail, cancellation: .never)
    }

    /// Frame at `step`, looking at `cancellation` every few hundred steps of path drawn.
    public func renderFrame(step: Int, fadingTail: Int? = nil, cancellation: Cancellation) throws(Cancelled) -> RGBAImage {
        try drawFrame(step: step, fadingTail: fadingTail, cancellation: cancellation)
        try cancellation.check()
        return frame.image()
    }

    /// The map alone: bands, iso-lines, axes, colour bar, titles and minima, without paths, markers or panel values
    /// (a scene without racers has no panel at all). A page draws paths over it through `plotPixels`.
    public func renderMap() -> RGBAImage {
        frame.copyPixels(from: background)
        paintMinima(on: frame)
        return frame.image()
    }

    /// The plot's rectangle in the image's pixels, with the surface ranges it spans (x left to right, y bottom to top).
    public var plotPixels: PlotTransform {
        let k = scale * width / designWidth
        let r = layout.plot
        return PlotTransform(
            xRange: transform.xRange, yRange: transform.yRange,
            rect: Rect(x: r.minX * k, y: r.minY * k, width: r.width * k, height: r.height * k))
    }

    /// The finished race: complete paths and final standings.
    public func renderSummary() -> RGBAImage {
        renderFrame(step: lastStep, fadingTail: nil)
    }

    /// The finished race, looking at `cancellation` every few hundred steps of path drawn.
    public func renderSummary(cancellation: Cancellation) throws(Cancelled) -> RGBAImage {
        try renderFrame(step: lastStep, fadingTail: nil, cancellation: cancellation)
    }

    func drawFrame(step: Int, fadingTail: Int?, cancellation: Cancellation = .never) throws(Cancelled) {
        let s = max(0, step)
        if let tail = fadingTail, tail > 0 {
            frame.copyPixels(from: background)
            try paintFadingPaths(step: s, tail: tail, cancellation: cancellation)
        } else {
            try advanceTrail(to: s, cancellation: cancellation)
            frame.copyPixels(from: trail)
        }
        paintMarkers(step: s)
        paintMinima(on: frame)
        paintScoreboard(step: s)
    }
}
