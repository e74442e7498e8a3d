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

        // Cells: one path per colour.
        let cw = plot.width / Double(scene.columns - 1), ch = plot.height / Double(scene.rows - 1)
        func cell(_ k: Int) -> Rect {
            let i = k % scene.columns, j = k / scene.columns
            let cx = plot.minX + Double(i) * cw, cy = plot.maxY - Double(j) * ch
            return Rect(x: cx - cw / 2 - 0.2, y: cy - ch / 2 - 0.2, width: cw + 0.4, height: ch + 0.4)
        }
        let elsewhere = scene.endings.indices.filter { scene.endings[$0] == -1 }.map { scene.finalLosses[$0] }.filter { $0.isFinite }
        let shifted = elsewhere.map { $0 - (elsewhere.min() ?? 0) + 1e-12 }
        let lossRange = (shifted.min() ?? 1)...(Swift.max(shifted.max() ?? 10, (shifted.min() ?? 1) * 10))
        let lossFloor = elsewhere.min() ?? 0
        var groups: [Int: [Int]] = [:]
        for k in scene.endings.indices {
            let e = scene.endings[k]
            let key: Int
            if e >= 0 {
                key = e
            } else if e == -2 {
                key = -1000
            } else {
                let v = scene.finalLosses[k] - lossFloor + 1e-12
                let t = v.isFinite ? (log10(v) - log10(lossRange.lowerBound)) / Swift.max(1e-9, log10(lossRange.upperBound) - log10(lossRange.lowerBound)) : 1
                key = -10 - Int((Swift.min(Swift.max(t, 0), 1) * 7).rounded())
            }
            groups[key, default: []].append(k)
        }
        c.save()
        c.clip(to: plot)
        for (key, cells) in groups.sorted(by: { $0.key < $1.key }) {
            c.newPath()
            for k in cells { c.rectangle(cell(k)) }
            let colour: RGBColor
            if key >= 0 {
                colour = Self.color(minimum: key).withAlpha(0.62)
            } else if key == -1000 {
                colour = style.divergedInk.withAlpha(0.75)
            } else {
                let level = Double(-10 - key) / 7
                colour = RGBColor(red: 0.86 - 0.5 * level, green: 0.86 - 0.5 * level, blue: 0.86 - 0.5 * level)
            }
            c.setColor(colour)
            c.fill()
        }
        c.restore()
        // Contours of f on top.
        let scale = ColorScale(field: field, logScale: true, bandCount: 14, colormap: .gray)
        let tracer = ContourTracer(field: field)
        c.save()
        c.clip(to: plot)
        c.newPath()
        for k in 1..<scale.bandCount {
            for line in tracer.lines(at: scale.edge(k)) { c.polyline(line.points.map(f.point), closed: line.isClosed) }
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
        return c.image()
    }
}
