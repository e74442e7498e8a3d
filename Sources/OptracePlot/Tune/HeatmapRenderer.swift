import Foundation

/// Draws a `HeatmapScene`: cells coloured by the objective on a log scale (viridis), diverged cells hatched
/// in red, the empirical stability boundary (where half the runs start to diverge) as a black staircase, the
/// best cell ringed, and the theory's best point and boundary when given, with a colour bar and notes.
public final class HeatmapRenderer {
    public let scene: HeatmapScene
    public let width: Double
    public let height: Double
    public let scale: Double
    let style = FigureStyle()
    static let divergedFill = RGBColor(hex: 0xF2C4C4)
    static let divergedInk = RGBColor(hex: 0xC62828)
    /// The boxes of the labels inside the plot after `render` (none overlaps another or a marker when there is room).
    public private(set) var labelBoxes: [Rect] = []
    /// The boxes of the markers labels keep off (the best cell's ring, the theory's optimum).
    public private(set) var markerBoxes: [Rect] = []
    static let theoryInk = RGBColor(hex: 0xD81B60)
    /// After `render`: the cells' edges in the image's pixels, columns left to right and rows bottom to top (so a page
    /// can tell which cell is under the pointer).
    public private(set) var cellEdges: (columns: [Double], rows: [Double]) = ([], [])

    public init(scene: HeatmapScene, width: Double = 860, height: Double = 680, scale: Double = 1) {
        precondition(width >= 300 && height >= 250 && scale > 0)
        self.scene = scene
        self.width = width
        self.height = height
        self.scale = scale
    }

    /// Cell edges along an axis of centres `v`: midpoints (geometric for a log axis), half a step beyond the ends.
    static func edges(_ v: [Double], spacing: AxisSpacing) -> [Double] {
        let t = v.map(spacing.coordinate)
        var e = [t[0] - (t[1] - t[0]) / 2]
        for i in 0..<(t.count - 1) { e.append((t[i] + t[i + 1]) / 2) }
        e.append(t[t.count - 1] + (t[t.count - 1] - t[t.count - 2]) / 2)
        return e.map(spacing.value)
    }

    public func render() -> RGBAImage {
        // `.never` never fires, so nothing is thrown.
        try! render(cancellation: .never)
    }

    /// The picture, looking at `cancellation` per row of cells and per group of marks.
    public func render(cancellation: Cancellation) throws(Cancelled) -> RGBAImage {
        let c = style.titledCanvas(width: width, height: height, scale: scale, title: scene.title, subtitle: scene.subtitle)
        let m = style.margin

        let xe = Self.edges(scene.columns, spacing: scene.xSpacing), ye = Self.edges(scene.rows, spacing: scene.ySpacing)
        let xAxis = PlotAxis(label: scene.xLabel, range: xe[0]...xe[xe.count - 1], spacing: scene.xSpacing)
        let yAxis = PlotAxis(label: scene.yLabel, range: ye[0]...ye[ye.count - 1], spacing: scene.ySpacing)
        let top = (m + 29 + 18).rounded()
        let notesHeight = Double(scene.notes.count) * 14 + 8
        let barWidth = 175.0
        let plotHeight = (height - top - 42 - notesHeight).rounded()
        let left = (m + 13 + 6 + TuneFigure.yTickWidth(c, yAxis, height: plotHeight) + 7).rounded()
        let plot = Rect(x: left, y: top, width: (width - m - barWidth - left).rounded(), height: plotHeight)
        let figure = TuneFigure(canvas: c, plot: plot, x: xAxis, y: yAxis)

        // Colour scale over the positive values.
        let positive = scene.values.compactMap { $0 }.filter { $0 > 0 && $0.isFinite }
        let lo = positive.min() ?? 1, hi = positive.max() ?? 10
        let normalization = Normalization.log(vmin: lo, vmax: hi > lo ? hi : lo * 10)
        let colormap = Colormap.viridis
        let n = scene.columns.count
        func rect(_ i: Int, _ j: Int) -> Rect {
            let x0 = figure.px(xe[i]), x1 = figure.px(xe[i + 1]), y0 = figure.py(ye[j + 1]), y1 = figure.py(ye[j])
            return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
        }
        func isDiverged(_ k: Int) -> Bool { scene.diverged[k] >= 0.5 }
        cellEdges = (xe.map { figure.px($0) * scale }, ye.map { figure.py($0) * scale })

        // Cells (slightly overlapping so no hairline gaps show).
        for j in 0..<scene.rows.count {
            try cancellation.check()
            for i in 0..<n {
                let k = j * n + i
                let r = rect(i, j)
                let cell = Rect(x: r.x - 0.3, y: r.y - 0.3, width: r.width + 0.6, height: r.height + 0.6)
                if isDiverged(k) {
                    c.fill(cell, Self.divergedFill)
                } else if let v = scene.values[k], let t = normalization(Swift.max(v, lo)) {
                    c.fill(cell, colormap.color(at: t) ?? style.maskedFill)
                } else {
                    c.fill(cell, style.maskedFill)
                }
            }
        }
        // Hatching over the diverged cells.
        c.save()
        c.newPath()
        for k in scene.values.indices where isDiverged(k) {
            if k % 4096 == 0 { try cancellation.check() }
            c.rectangle(rect(k % n, k / n))
        }
        cairoClip(c)
        c.setColor(Self.divergedInk.withAlpha(0.75))
        c.setLineWidth(1)
        var d = -plot.height
        while d < plot.width {
            c.moveTo(SIMD2(plot.minX + d, plot.maxY)); c.lineTo(SIMD2(plot.minX + d + plot.height, plot.minY))
            d += 6
        }
        try cancellation.check()
        c.stroke()
        c.restore()
        try cancellation.check()
        // A dot on cells where some (fewer than half) of the runs diverged.
        c.setColor(Self.divergedInk)
        c.newPath()
        for k in scene.values.indices where scene.diverged[k] > 0 && !isDiverged(k) {
            if k % 4096 == 0 { try cancellation.check() }
            let r = rect(k % n, k / n)
            c.circle(SIMD2(r.x + r.width / 2, r.y + r.height / 2), radius: Swift.min(2.2, r.width / 4, r.height / 4))
        }
        c.fill()

        // Labels keep off the best cell and the theory's optimum.
        let bestCentre = scene.best.map { best -> SIMD2<Double> in
            let r = rect(best.column, best.row)
            return SIMD2(r.x + r.width / 2, r.y + r.height / 2)
        }
        if let bestCentre { figure.reserveMarker(at: bestCentre) }
        let theoryPoint = scene.theoryBest.map { figure.point($0.point) }.flatMap { plot.contains($0) ? $0 : nil }
        if let theoryPoint { figure.reserveMarker(at: theoryPoint) }

        var boundaryLabel: (String, [SIMD2<Double>], TextStyle)?
        // Empirical stability boundary: the edges between diverged and converging cells.
        c.save()
        c.clip(to: plot)
        c.newPath()
        for j in 0..<scene.rows.count {
            try cancellation.check()
            for i in 0..<n {
                let k = j * n + i
                if i + 1 < n, isDiverged(k) != isDiverged(k + 1) {
                    let x = figure.px(xe[i + 1])
                    c.moveTo(SIMD2(x, figure.py(ye[j]))); c.lineTo(SIMD2(x, figure.py(ye[j + 1])))
                }
                if j + 1 < scene.rows.count, isDiverged(k) != isDiverged(k + n) {
                    let y = figure.py(ye[j + 1])
                    c.moveTo(SIMD2(figure.px(xe[i]), y)); c.lineTo(SIMD2(figure.px(xe[i + 1]), y))
                }
            }
        }
        c.setColor(.white)
        c.setLineWidth(3.2)
        c.strokePreserve()
        c.setColor(style.ink)
        c.setLineWidth(1.5)
        c.stroke()
        // Theory: the boundary curve (dashed) and the best point.
        if let boundary = scene.theoryBoundary {
            let points = boundary.points.map(figure.point)
            c.newPath()
            c.polyline(points)
            c.setColor(.white)
            c.setLineWidth(3.4)
            c.strokePreserve()
            c.setDash([6, 4])
            c.setColor(Self.theoryInk)
            c.setLineWidth(1.8)
            c.stroke()
            c.setDash([])
            let inside = points.filter { plot.contains($0) }
            if !inside.isEmpty {
                // Beside the curve, a third of the way along it, else further along (placed after the markers' labels).
                let order = Array(inside.dropFirst(inside.count / 3)) + Array(inside.prefix(inside.count / 3))
                let text = TextStyle(size: 10.5, bold: true, color: Self.theoryInk)
                let w = c.measure(boundary.label, text)
                boundaryLabel = (boundary.label, order.prefix(24).flatMap { [SIMD2($0.x + 8, $0.y), SIMD2($0.x - 8 - w, $0.y)] }, text)
            }
        }
        c.restore()
        if let bestCentre { figure.ring(at: bestCentre, label: "best", color: style.ink) }
        if let theory = scene.theoryBest, let theoryPoint { figure.cross(at: theoryPoint, label: theory.label, color: Self.theoryInk) }
        if let (label, candidates, text) = boundaryLabel { figure.halo(label, candidates: candidates, text) }
        labelBoxes = figure.board.labels
        markerBoxes = figure.board.reserved
        figure.axes(yLabelX: m + 13)

        // Colour bar and swatches.
        let bar = Rect(x: plot.maxX + 18, y: plot.minY, width: 14, height: Swift.max(60, plot.height - 70))
        let steps = Int(bar.height)
        for s in 0..<steps {
            let t = 1 - (Double(s) + 0.5) / Double(steps)
            c.fill(Rect(x: bar.x, y: bar.y + Double(s), width: bar.width, height: 1.2), colormap.color(at: t)!)
        }
        c.setColor(style.frame)
        c.setLineWidth(0.8)
        c.rectangle(bar)
        c.stroke()
        let barAxis = PlotAxis(label: "", range: normalization.vmin...normalization.vmax, isLog: true)
        let half = c.ascent(style.tickLabel) * 0.36
        for t in barAxis.ticks(target: 5) where t.isMajor {
            let y = bar.maxY - barAxis.fraction(t.value) * bar.height
            c.setColor(style.frame)
            c.moveTo(SIMD2(bar.maxX, y)); c.lineTo(SIMD2(bar.maxX + 3, y))
            c.stroke()
            c.text(t.label, x: bar.maxX + 5, y: y + half, style.tickLabel)
        }
        c.verticalText(scene.valueLabel + " (log scale)", x: bar.maxX + 70, y: bar.minY + bar.height / 2, style.axisLabel)
        // The key lists only what the picture shows.
        let anyDiverged = scene.values.indices.contains(where: isDiverged)
        let anyPartial = scene.values.indices.contains { scene.diverged[$0] > 0 && !isDiverged($0) }
        let anyMissing = scene.values.indices.contains { k in
            !isDiverged(k) && (scene.values[k].flatMap { normalization(Swift.max($0, lo)) } == nil)
        }
        var swatchY = bar.maxY + 16
        if anyDiverged {
            let sw = Rect(x: bar.x, y: swatchY, width: 14, height: 10)
            c.fill(sw, Self.divergedFill)
            c.setColor(Self.divergedInk)
            c.setLineWidth(1)
            c.moveTo(SIMD2(sw.minX, sw.maxY)); c.lineTo(SIMD2(sw.maxX, sw.minY))
            c.stroke()
            c.text("\(scene.failureLabel) (≥ ½ runs)", x: sw.maxX + 5, y: sw.maxY - 1, style.tickLabel)
            swatchY += 16
        }
        if anyPartial {
            c.setColor(Self.divergedInk)
            c.newPath()
            c.circle(SIMD2(bar.x + 7, swatchY + 5), radius: 2.2)
            c.fill()
            c.text("some runs \(scene.failureLabel)", x: bar.x + 19, y: swatchY + 9, style.tickLabel)
            swatchY += 16
        }
        if anyMissing {
            let sw = Rect(x: bar.x, y: swatchY, width: 14, height: 10)
            c.fill(sw, style.maskedFill)
            c.text("no value", x: sw.maxX + 5, y: sw.maxY - 1, style.tickLabel)
            swatchY += 16
        }
        if anyDiverged && scene.values.indices.contains(where: { !isDiverged($0) }) {
            c.setColor(style.ink)
            c.setLineWidth(1.5)
            c.moveTo(SIMD2(bar.x, swatchY + 5)); c.lineTo(SIMD2(bar.x + 14, swatchY + 5))
            c.stroke()
            c.text("stability boundary", x: bar.x + 19, y: swatchY + 9, style.tickLabel)
        }

        figure.notes(scene.notes, left: m, top: plot.maxY + 50)
        try cancellation.check()
        return c.image()
    }

    private func cairoClip(_ c: CairoCanvas) { c.clipToCurrentPath() }
}
