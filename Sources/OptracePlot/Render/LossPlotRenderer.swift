import Foundation

/// Draws the loss-against-step chart: log y axis (losses ≤ 0 or non-finite break the line), checkpoint lines,
/// a × and a label at each racer's last finite point before divergence, and a legend.
public final class LossPlotRenderer {
    public let scene: LossPlotScene
    public let width: Double
    public let height: Double
    public let scale: Double
    let style = FigureStyle()

    public init(scene: LossPlotScene, width: Double = 800, height: Double = 450, scale: Double = 1) {
        precondition(width >= 100 && height >= 80 && scale > 0)
        self.scene = scene
        self.width = width
        self.height = height
        self.scale = scale
    }

    /// The y range: finite positive losses, widened to whole decades when that adds little.
    static func yRange(_ racers: [RacerTrack]) -> ClosedRange<Double> {
        var lo = Double.infinity, hi = -Double.infinity
        for r in racers { for l in r.losses where l.isFinite && l > 0 { lo = min(lo, l); hi = max(hi, l) } }
        guard lo <= hi else { return 0.1...10 }
        if hi / lo < 10 { return (lo / 2)...(hi * 2) }
        let a = log10(lo), b = log10(hi)
        let pad = (b - a) * 0.04
        return pow(10, a - pad)...pow(10, b + pad)
    }

    public func render() -> RGBAImage {
        // `.never` never fires, so nothing is thrown.
        try! render(cancellation: .never)
    }

    /// The picture, looking at `cancellation` per racer.
    public func render(cancellation: Cancellation) throws(Cancelled) -> RGBAImage {
        let shrink = min(1, width / 480, height / 300)
        let W = width / shrink, H = height / shrink
        let c = style.titledCanvas(
            width: width, height: height, scale: scale, shrink: shrink, title: scene.title, subtitle: scene.subtitle)
        let m = style.margin

        let lastStep = max(1, scene.racers.map { $0.step(ofIndex: $0.losses.count - 1) }.max() ?? 1)
        let yr = Self.yRange(scene.racers)
        let yTicks = TickLocator.log(yr, target: 6)
        let yTickWidth = yTicks.filter(\.isMajor).map { c.measure($0.label, style.tickLabel) }.max() ?? 0
        let top = m + 29 + 16
        let left = (m + 13 + 6 + yTickWidth + 7).rounded()
        let plot = Rect(x: left, y: top.rounded(), width: (W - m - left).rounded(), height: (H - m - 32 - top).rounded())
        let ly0 = log10(yr.lowerBound), ly1 = log10(yr.upperBound)
        func px(_ s: Double) -> Double { plot.minX + s / Double(lastStep) * plot.width }
        func py(_ v: Double) -> Double { plot.maxY - (log10(v) - ly0) / (ly1 - ly0) * plot.height }

        // Grid and axes.
        c.setLineWidth(0.6)
        for t in yTicks where t.isMajor {
            c.moveTo(SIMD2(plot.minX, py(t.value))); c.lineTo(SIMD2(plot.maxX, py(t.value)))
        }
        c.setColor(RGBColor(hex: 0xE6E8EB))
        c.stroke()
        let xTicks = TickLocator.linear(0...Double(lastStep), target: max(3, Int(plot.width / 80))).filter { $0.value == $0.value.rounded() }
        c.setColor(style.frame)
        c.setLineWidth(0.8)
        c.rectangle(plot.insetBy(-0.4))
        c.stroke()
        for t in xTicks {
            c.moveTo(SIMD2(px(t.value), plot.maxY + 0.8)); c.lineTo(SIMD2(px(t.value), plot.maxY + 0.8 + style.tickLength))
        }
        for t in yTicks {
            let len = t.isMajor ? style.tickLength : style.tickLength * 0.55
            c.moveTo(SIMD2(plot.minX - 0.8, py(t.value))); c.lineTo(SIMD2(plot.minX - 0.8 - len, py(t.value)))
        }
        c.stroke()
        let half = c.ascent(style.tickLabel) * 0.36
        for t in xTicks { c.text(t.label, x: px(t.value), y: plot.maxY + 16, style.tickLabel, align: .center) }
        for t in yTicks where t.isMajor {
            c.text(t.label, x: plot.minX - 0.8 - style.tickLength - 3, y: py(t.value) + half, style.tickLabel, align: .right)
        }
        c.text(scene.xLabel, x: plot.minX + plot.width / 2, y: plot.maxY + 31, style.axisLabel, align: .center)
        c.verticalText(scene.yLabel + " (log scale)", x: m + 13, y: plot.minY + plot.height / 2, style.axisLabel)

        // Checkpoints.
        c.save()
        c.clip(to: plot)
        c.setDash([3, 3])
        c.setLineWidth(0.8)
        c.setColor(RGBColor(hex: 0x9AA0A6))
        for s in scene.checkpoints where s >= 0 && s <= lastStep {
            c.moveTo(SIMD2(px(Double(s)) , plot.minY)); c.lineTo(SIMD2(px(Double(s)), plot.maxY))
        }
        c.stroke()
        c.setDash([])
        c.restore()
        for s in scene.checkpoints where s >= 0 && s <= lastStep {
            c.text("\(s)", x: px(Double(s)) + 3, y: plot.minY + 11, style.header)
        }

        // Lines.
        let styles = scene.racers.enumerated().map { $0.element.style(index: $0.offset) }
        let colors = styles.map(\.color)
        c.save()
        c.clip(to: plot)
        for (i, r) in scene.racers.enumerated() {
            try cancellation.check()
            let pts = r.losses.enumerated().map { (k, l) -> SIMD2<Double> in
                l > 0 && l.isFinite ? SIMD2(px(Double(r.step(ofIndex: k))), py(l)) : SIMD2(.nan, .nan)
            }
            for run in SegmentClipper.runs(pts, in: plot.insetBy(-4)) { c.polyline(run) }
            c.setColor(colors[i])
            c.setLineWidth(style.pathWidth)
            c.setDash(styles[i].dash.pattern)
            c.stroke()
            c.setDash([])
        }
        c.restore()
        // Divergence marks.
        for (i, r) in scene.racers.enumerated() {
            guard let d = r.divergedAtStep else { continue }
            var k = min(r.index(atOrBefore: d), r.losses.count - 1)
            while k >= 0 && !(r.losses[k].isFinite && r.losses[k] > 0) { k -= 1 }
            guard k >= 0 else { continue }
            let p = SIMD2(px(Double(r.step(ofIndex: k))), min(max(py(r.losses[k]), plot.minY), plot.maxY))
            RaceMarkers.cross(c, at: p, color: colors[i], radius: 4.5)
            let label = "diverged at step \(d)"
            let w = c.measure(label, style.header)
            let x = p.x + 8 + w > plot.maxX ? p.x - 8 - w : p.x + 8
            c.text(label, x: x, y: p.y + (p.y < plot.minY + 20 ? 14 : -7), TextStyle(size: 9.5, color: style.divergedInk))
        }

        // Legend, top right inside the plot.
        let rowH = 17.0
        let labelW = scene.racers.map { c.measure($0.legendLabel, style.detail) }.max() ?? 0
        let box = Rect(x: plot.maxX - 10 - (labelW + 44), y: plot.minY + 10, width: labelW + 44, height: Double(scene.racers.count) * rowH + 8)
        if !scene.racers.isEmpty {
            c.setColor(RGBColor(red: 1, green: 1, blue: 1, alpha: 0.9))
            c.roundedRect(box, radius: 4)
            c.fillPreserve()
            c.setColor(style.panelStroke)
            c.setLineWidth(0.8)
            c.stroke()
        }
        for (i, r) in scene.racers.enumerated() {
            let y = box.minY + 4 + Double(i) * rowH + 12
            c.moveTo(SIMD2(box.minX + 10, y - 4)); c.lineTo(SIMD2(box.minX + 32, y - 4))
            c.setColor(colors[i])
            c.setLineWidth(style.pathWidth)
            c.setDash(styles[i].dash.pattern)
            c.stroke()
            c.setDash([])
            var x = box.minX + 38
            var rest = r.legendLabel
            if rest.hasPrefix(r.name) {
                c.text(r.name, x: x, y: y, TextStyle(size: 10.5, bold: true, color: style.ink))
                x += c.measure(r.name, TextStyle(size: 10.5, bold: true))
                rest = String(rest.dropFirst(r.name.count))
            }
            c.text(rest, x: x, y: y, style.detail)
        }
        try cancellation.check()
        return c.image()
    }
}
