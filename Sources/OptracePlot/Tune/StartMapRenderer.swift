import Foundation

/// Draws a `StartMapScene`: each start a cell coloured by the minimum its run reached (Okabe–Ito colours),
/// in greys by final loss when it ended near none, red when it diverged; the contour lines of f on top,
/// the minima marked, and a legend with the share of starts of each ending.
public final class StartMapRenderer {
    public let scene: StartMapScene
    public let width: Double
    public let height: Double
    public let scale: Double
    let style = FigureStyle()

    public init(scene: StartMapScene, width: Double = 900, height: Double = 620, scale: Double = 1) {
        precondition(width >= 300 && height >= 220 && scale > 0)
        self.scene = scene
        self.width = width
        self.height = height
        self.scale = scale
    }

    /// The width kept right of the plot for the legend.
    static let legendWidth = 300.0

    /// The figure height that fits a domain of `aspect` (height over width) at `width` with `notes` lines, plot
    /// scales equal.
    public static func fittingHeight(width: Double, aspect: Double, notes: Int) -> Double {
        let plotWidth = width - 18 - legendWidth - 60
        return Swift.max(300, (18 + 29 + 18).rounded() + plotWidth * aspect + 42 + Double(notes) * 14 + 16)
    }

    /// The colour of minimum `k`.
    static func color(minimum k: Int) -> RGBColor {
        let palette = [0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00, 0xF0E442, 0x000000]
        return RGBColor(hex: UInt32(palette[k % palette.count]))
    }

    public func render() -> RGBAImage {
        // `.never` never fires, so nothing is thrown.
        try! render(cancellation: .never)
    }

    /// The picture, looking at `cancellation` per row of pixels, per group of cells and per contour level.
    public func render(cancellation: Cancellation) throws(Cancelled) -> RGBAImage {
        let c = style.titledCanvas(width: width, height: height, scale: scale, title: scene.title, subtitle: scene.subtitle)
        let m = style.margin
        let field = scene.field
        let xAxis = PlotAxis(label: "x", range: field.xRange, isLog: false)
        let yAxis = PlotAxis(label: "y", range: field.yRange, isLog: false)
        let top = (m + 29 + 18).rounded()
        let legendWidth = Self.legendWidth
        let notesHeight = Double(scene.notes.count) * 14 + 8
        let availableW = width - m - legendWidth - 60, availableH = height - top - 42 - notesHeight
        // Equal scales on x and y when it fits.
        let aspect = (field.yRange.upperBound - field.yRange.lowerBound) / (field.xRange.upperBound - field.xRange.lowerBound)
        var pw = availableW, ph = availableW * aspect
        if ph > availableH { ph = availableH; pw = ph / aspect }
        let plot = Rect(x: 60, y: top, width: pw.rounded(), height: ph.rounded())
        let f = TuneFigure(canvas: c, plot: plot, x: xAxis, y: yAxis)

        // Cells: each start's cell centred on its lattice point, drawn as one image cut to the plot.
        let palette = cellPalette()
        let keys = try cellKeys(cancellation: cancellation)
        let columns = scene.columns, rows = scene.rows
        let raster = CellRaster(
            columns: columns, rows: rows, plotMinX: plot.minX * scale, plotMaxX: plot.maxX * scale,
            plotMinY: plot.minY * scale, plotMaxY: plot.maxY * scale)
        // Cell row 0 of the raster is the top one, the grid's last.
        var pixels = try keys.withUnsafeBufferPointer { keys throws(Cancelled) in
            try raster.pixels(
                columns: columns, rows: rows, palette: palette, key: { i, r in Int(keys[(rows - 1 - r) * columns + i]) },
                cancellation: cancellation)
        }
        c.paint(argb: &pixels, width: raster.x.count, height: raster.y.count, deviceX: raster.x.origin, deviceY: raster.y.origin)
        try cancellation.check()
        // Contours of f on top.
        let levels = ColorScale(field: field, logScale: true, bandCount: 14, colormap: .gray)
        let tracer = ContourTracer(field: field)
        c.save()
        c.clip(to: plot)
        c.newPath()
        for k in 1..<levels.bandCount {
            try cancellation.check()
            for line in tracer.lines(at: levels.edge(k)) { c.polyline(line.points.map(f.point), closed: line.isClosed) }
        }
        c.setColor(RGBColor(red: 0, green: 0, blue: 0, alpha: 0.5))
        c.setLineWidth(0.7)
        c.stroke()
        // Minima.
        for (k, minimum) in scene.minima.enumerated() {
            let p = f.point(minimum.point)
            c.newPath()
            c.circle(p, radius: minimum.isGlobal ? 6 : 5)
            c.setColor(Self.color(minimum: k))
            c.fillPreserve()
            c.setColor(.white)
            c.setLineWidth(2)
            c.stroke()
        }
        c.restore()
        f.axes(yLabelX: 24)

        // Legend.
        var y = plot.minY + 4
        let lx = plot.maxX + 28
        c.text("where each start ends", x: lx, y: y + 9, style.name)
        y += 22
        let swatches: [RGBColor] = scene.minima.indices.map { Self.color(minimum: $0).withAlpha(0.62) }
            + [RGBColor(red: 0.61, green: 0.61, blue: 0.61), style.divergedInk.withAlpha(0.75)]
        // Every minimum has its line (0 % says something); "elsewhere" and "diverged" only when some start ended so.
        let anyElsewhere = scene.endings.contains(-1), anyDiverged = scene.endings.contains(-2)
        for (k, (colour, line)) in zip(swatches, scene.legend).enumerated() {
            if k == scene.minima.count && !anyElsewhere || k == scene.minima.count + 1 && !anyDiverged { continue }
            c.fill(Rect(x: lx, y: y, width: 14, height: 12), colour)
            c.text(line, x: lx + 20, y: y + 10, style.detail)
            y += 19
        }
        if anyElsewhere {
            c.text("greys: final loss of runs ending", x: lx, y: y + 12, style.tickLabel)
            c.text("near no known minimum (darker: higher)", x: lx, y: y + 25, style.tickLabel)
        }
        f.notes(scene.notes, left: m, top: plot.maxY + 50)
        try cancellation.check()
        return c.image()
    }

    /// The colours of the cells (premultiplied RGBA): the minima by index, then diverged, then the greys of
    /// `greyLevels` final-loss levels, lightest first.
    func cellPalette() -> [SIMD4<Float>] {
        func premultiplied(_ c: RGBColor) -> SIMD4<Float> {
            SIMD4(Float(c.red * c.alpha), Float(c.green * c.alpha), Float(c.blue * c.alpha), Float(c.alpha))
        }
        var palette = scene.minima.indices.map { premultiplied(Self.color(minimum: $0).withAlpha(0.62)) }
        palette.append(premultiplied(style.divergedInk.withAlpha(0.75)))
        for level in 0..<Self.greyLevels {
            let grey = 0.86 - 0.5 * Double(level) / Double(Self.greyLevels - 1)
            palette.append(premultiplied(RGBColor(red: grey, green: grey, blue: grey)))
        }
        return palette
    }

    /// Grey levels of the final loss of starts that ended near no known minimum.
    static let greyLevels = 8

    /// Each start's index into `cellPalette()`: its minimum, diverged, or its final loss's grey level (log scale
    /// from the lowest such loss, darker higher). Linear in the starts: the loss range is found once.
    func cellKeys(cancellation: Cancellation) throws(Cancelled) -> [Int32] {
        let endings = scene.endings, losses = scene.finalLosses
        var lossFloor = Double.infinity, lossTop = -Double.infinity
        for k in endings.indices where endings[k] == -1 && losses[k].isFinite {
            lossFloor = Swift.min(lossFloor, losses[k])
            lossTop = Swift.max(lossTop, losses[k])
        }
        let anyLoss = lossFloor <= lossTop
        if !anyLoss { lossFloor = 0 }
        // Losses are shifted so the lowest is 1e-12, and the scale spans at least a decade.
        let low = anyLoss ? lossFloor - lossFloor + 1e-12 : 1
        let high = Swift.max(anyLoss ? lossTop - lossFloor + 1e-12 : 10, low * 10)
        let logLow = log10(low), logSpan = Swift.max(1e-9, log10(high) - logLow)
        let diverged = Int32(scene.minima.count), firstGrey = diverged + 1
        let top = Double(Self.greyLevels - 1)
        var keys = [Int32](repeating: 0, count: endings.count)
        for k in endings.indices {
            if k % 4096 == 0 { try cancellation.check() }
            let e = endings[k]
            if e >= 0 {
                keys[k] = Int32(e)
            } else if e == -2 {
                keys[k] = diverged
            } else {
                let v = losses[k] - lossFloor + 1e-12
                let t = v.isFinite ? (log10(v) - logLow) / logSpan : 1
                keys[k] = firstGrey + Int32((Swift.min(Swift.max(t, 0), 1) * top).rounded())
            }
        }
        return keys
    }
}
