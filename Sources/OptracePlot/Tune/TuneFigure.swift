import CCairo
import Foundation

/// Drawing shared by the tuning pictures: a plot frame with ticks and axis labels, markers and notes.
struct TuneFigure {
    let canvas: CairoCanvas
    let style = FigureStyle()
    let plot: Rect
    let x: PlotAxis
    let y: PlotAxis

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
        halo(label, at: SIMD2(x + 5, labelY), TextStyle(size: 10.5, bold: true, color: color))
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
        c.text(x.label + (x.isLog ? " (log scale)" : ""), x: plot.minX + plot.width / 2, y: plot.maxY + 31, style.axisLabel, align: .center)
        c.verticalText(y.label + (y.isLog ? " (log scale)" : ""), x: yLabelX, y: plot.minY + plot.height / 2, style.axisLabel)
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
        halo(label, at: SIMD2(p.x + 9, p.y - 7), TextStyle(size: 10.5, bold: true, color: color))
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
        halo(label, at: SIMD2(p.x + 9, p.y + 14), TextStyle(size: 10.5, bold: true, color: color))
    }

    /// Text on a translucent white box, so it reads over any colour.
    func halo(_ text: String, at p: SIMD2<Double>, _ textStyle: TextStyle, align: CairoCanvas.Alignment = .left) {
        let c = canvas
        let w = c.measure(text, textStyle)
        var left = align == .left ? p.x : (align == .center ? p.x - w / 2 : p.x - w)
        left = min(max(left, plot.minX + 2), plot.maxX - w - 2)
        c.fill(Rect(x: left - 2, y: p.y - textStyle.size * 0.85, width: w + 4, height: textStyle.size * 1.15), RGBColor.white.withAlpha(0.78))
        c.text(text, x: left, y: p.y, textStyle)
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
