import CCairo
import Foundation

/// Drawing shared by the tuning pictures: a plot frame with ticks and axis labels, markers and notes.
struct TuneFigure {
    let canvas: CairoCanvas
    let style = FigureStyle()
    let plot: Rect
    let x: PlotAxis
    let y: PlotAxis
    /// Where the labels went, so none covers another or a marker.
    let board: LabelBoard

    init(canvas: CairoCanvas, plot: Rect, x: PlotAxis, y: PlotAxis) {
        self.canvas = canvas
        self.plot = plot
        self.x = x
        self.y = y
        self.board = LabelBoard(bounds: plot.insetBy(2))
    }

    func px(_ v: Double) -> Double { plot.minX + x.fraction(v) * plot.width }
    func py(_ v: Double) -> Double { plot.maxY - y.fraction(v) * plot.height }
    func point(_ p: SIMD2<Double>) -> SIMD2<Double> { SIMD2(px(p.x), py(p.y)) }

    /// A labelled vertical line across the plot at parameter value `v` (an edge or a theory value).
    func markValue(_ v: Double, dash: [Double], color: RGBColor, label: String, labelY: Double) {
        let c = canvas
        let x = px(v)
        c.newPath()
        c.moveTo(SIMD2(x, plot.minY)); c.lineTo(SIMD2(x, plot.maxY))
        c.setDash(dash)
        c.setColor(color)
        c.setLineWidth(1.4)
        c.stroke()
        c.setDash([])
        let text = TextStyle(size: 10.5, bold: true, color: color)
        let w = c.measure(label, text)
        let shifts: [Double] = [0, -18, 18, -36, 36, -54, 54, -72, 72]
        halo(label, candidates: shifts.flatMap { dy in [SIMD2(x + 5, labelY + dy), SIMD2(x - 5 - w, labelY + dy)] }, text)
    }

    /// Frame, ticks, tick labels and axis labels.
    func axes(yLabelX: Double) {
        let c = canvas
        c.setColor(style.frame)
        c.setLineWidth(0.8)
        c.rectangle(plot.insetBy(-0.4))
        c.stroke()
        let xTicks = x.ticks(target: max(3, Int(plot.width / 80)))
        let yTicks = y.ticks(target: max(3, Int(plot.height / 50)))
        for t in xTicks {
            let len = t.isMajor ? style.tickLength : style.tickLength * 0.55
            c.moveTo(SIMD2(px(t.value), plot.maxY + 0.8)); c.lineTo(SIMD2(px(t.value), plot.maxY + 0.8 + len))
        }
        for t in yTicks {
            let len = t.isMajor ? style.tickLength : style.tickLength * 0.55
            c.moveTo(SIMD2(plot.minX - 0.8, py(t.value))); c.lineTo(SIMD2(plot.minX - 0.8 - len, py(t.value)))
        }
        c.stroke()
        let half = c.ascent(style.tickLabel) * 0.36
        for t in xTicks where t.isMajor { c.text(t.label, x: px(t.value), y: plot.maxY + 16, style.tickLabel, align: .center) }
        for t in yTicks where t.isMajor {
            c.text(t.label, x: plot.minX - 0.8 - style.tickLength - 3, y: py(t.value) + half, style.tickLabel, align: .right)
        }
        c.text(x.caption, x: plot.minX + plot.width / 2, y: plot.maxY + 31, style.axisLabel, align: .center)
        c.verticalText(y.caption, x: yLabelX, y: plot.minY + plot.height / 2, style.axisLabel)
    }

    /// Width of the widest major y tick label.
    static func yTickWidth(_ c: CairoCanvas, _ axis: PlotAxis, height: Double) -> Double {
        let style = FigureStyle()
        return axis.ticks(target: max(3, Int(height / 50))).filter(\.isMajor).map { c.measure($0.label, style.tickLabel) }.max() ?? 0
    }

    /// A ring marker with a label beside it.
    func ring(at p: SIMD2<Double>, label: String, color: RGBColor) {
        let c = canvas
        c.newPath()
        c.circle(p, radius: 6)
        c.setColor(.white)
        c.setLineWidth(3.4)
        c.strokePreserve()
        c.setColor(color)
        c.setLineWidth(1.8)
        c.stroke()
        let text = TextStyle(size: 10.5, bold: true, color: color)
        let w = c.measure(label, text)
        halo(label, candidates: Self.around(p, width: w, gap: 9), text)
    }

    /// Keeps labels off a marker of radius `r` at `p` (call before placing the labels near it).
    func reserveMarker(at p: SIMD2<Double>, radius r: Double = 8) {
        board.reserve(Rect(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r))
    }

    /// Baseline-left points for a label of width `w` around `p`: right above, right below, left above, left
    /// below, then ring by ring further out (up, down, and sideways).
    static func around(_ p: SIMD2<Double>, width w: Double, gap: Double) -> [SIMD2<Double>] {
        var offsets: [(Double, Double)] = []
        for ring in 0..<5 {
            let r = Double(ring)
            let up = -7 - 17 * r, down = 16 + 17 * r, right = gap + 20 * r, left = -gap - w - 20 * r
            offsets += [(right, up), (right, down), (left, up), (left, down), (-w / 2, up - 4), (-w / 2, down + 4)]
        }
        return offsets.map { SIMD2(p.x + $0.0, p.y + $0.1) }
    }

    /// A plus marker with a label beside it.
    func cross(at p: SIMD2<Double>, label: String, color: RGBColor) {
        let c = canvas
        for (width, colour) in [(3.8, RGBColor.white), (1.8, color)] {
            c.newPath()
            c.moveTo(SIMD2(p.x - 7, p.y)); c.lineTo(SIMD2(p.x + 7, p.y))
            c.moveTo(SIMD2(p.x, p.y - 7)); c.lineTo(SIMD2(p.x, p.y + 7))
            c.setColor(colour)
            c.setLineWidth(width)
            c.stroke()
        }
        let text = TextStyle(size: 10.5, bold: true, color: color)
        let w = c.measure(label, text)
        halo(label, candidates: Self.around(p, width: w, gap: 9).reversed(), text)
    }

    /// Text on a translucent white box, so it reads over any colour, at the first of `candidates` (baseline-left
    /// points) where it covers no other label or marker (see `LabelBoard`).
    func halo(_ text: String, candidates: [SIMD2<Double>], _ textStyle: TextStyle) {
        let c = canvas
        let w = c.measure(text, textStyle)
        let up = textStyle.size * 0.85
        let box = board.place(candidates.map { Rect(x: $0.x - 2, y: $0.y - up, width: w + 4, height: textStyle.size * 1.15) })
        c.fill(box, RGBColor.white.withAlpha(0.78))
        c.text(text, x: box.x + 2, y: box.y + up, textStyle)
    }

    /// Lines of notes under the plot, from `top` down.
    func notes(_ lines: [String], left: Double, top: Double) {
        for (i, line) in lines.enumerated() {
            canvas.text(line, x: left, y: top + Double(i) * 14, style.detail)
        }
    }
}

extension CairoCanvas {
    /// Restricts drawing to the current path (until `restore`).
    func clipToCurrentPath() { cairo_clip(context) }
}
