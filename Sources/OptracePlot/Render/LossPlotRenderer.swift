import Foundation

/// Draws the loss-against-step chart: `loss − f*` (or the loss when f* is unknown) on a log y axis, checkpoint lines,
/// the scenario's threshold, a × and a label at each racer's last finite point before divergence, and a key below.
///
/// The y range is robust: it follows the racers that did not diverge (a diverged racer may reach 100× their top) and
/// spans at most 12 decades, so one blow-up or one exact hit of f* does not flatten the rest. Values outside it
/// (including `loss − f* ≤ 0`, an exact hit) are drawn on the frame's edge, with a triangle where a racer leaves the
/// range; non-finite losses break the line.
public final class LossPlotRenderer {
    public let scene: LossPlotScene
    public let width: Double
    public let height: Double
    public let scale: Double
    let style = FigureStyle()

    /// Where the last render put things, in figure units of the unshrunk design (for tests).
    struct Geometry {
        var size = SIMD2<Double>(0, 0)
        var plot = Rect(x: 0, y: 0, width: 0, height: 0)
        /// Rectangles of the key's entries.
        var key: [Rect] = []
        /// Rectangles of every piece of text drawn.
        var labels: [Rect] = []
        /// Rectangles of the checkpoint labels.
        var checkpointLabels: [Rect] = []
        /// Each racer's drawn points (clamped to the frame where off the scale; NaN breaks).
        var lines: [[SIMD2<Double>]] = []
    }

    var geometry = Geometry()

    /// Decades the y axis spans at most.
    static let maxDecades = 12.0

    public init(scene: LossPlotScene, width: Double = 800, height: Double = 450, scale: Double = 1) {
        precondition(width >= 100 && height >= 80 && scale > 0)
        self.scene = scene
        self.width = width
        self.height = height
        self.scale = scale
    }

    /// The plotted quantity: `loss − f*` when f* is known, else the loss.
    static func plotted(_ loss: Double, floor: Double?) -> Double { loss - (floor ?? 0) }

    /// The y range in the plotted quantity: from the positive finite values, robust to a diverged racer's blow-up and
    /// to exact hits, widened to whole decades when that adds little; `extra` (the threshold) is kept inside.
    static func yRange(_ racers: [RacerTrack], floor: Double? = nil, extra: Double? = nil) -> ClosedRange<Double> {
        var lo = Double.infinity, hi = -Double.infinity, coreHi = -Double.infinity
        for r in racers {
            for l in r.losses {
                let v = plotted(l, floor: floor)
                guard v.isFinite && v > 0 else { continue }
                lo = min(lo, v); hi = max(hi, v)
                if r.divergedAtStep == nil { coreHi = max(coreHi, v) }
            }
        }
        if let e = extra, e.isFinite, e > 0 { lo = min(lo, e); hi = max(hi, e); coreHi = max(coreHi, e) }
        guard lo <= hi else { return 0.1...10 }
        if coreHi > 0 { hi = min(hi, coreHi * 100) }
        lo = max(lo, hi / pow(10, maxDecades))
        if hi / lo < 10 { return (lo / 2)...(hi * 2) }
        let a = log10(lo), b = log10(hi)
        let pad = (b - a) * 0.04
        return pow(10, a - pad)...pow(10, b + pad)
    }

    /// The y axis title: says what is plotted.
    var yTitle: String {
        if let f = scene.lossFloor, f != 0 {
            return "\(scene.yLabel) − f* (f* = \(TickFormatter.short(f))), log scale"
        }
        return scene.yLabel + " (log scale)"
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
        var geo = Geometry()
        geo.size = SIMD2(W, H)
        func text(_ s: String, x: Double, y: Double, _ st: TextStyle, align: CairoCanvas.Alignment = .left) {
            let w = c.measure(s, st)
            let x0 = align == .left ? x : align == .right ? x - w : x - w / 2
            geo.labels.append(Rect(x: x0, y: y - c.ascent(st), width: w, height: c.ascent(st) * 1.25))
            c.text(s, x: x, y: y, st, align: align)
        }

        let floor = scene.lossFloor
        let lastStep = max(1, scene.racers.map { $0.step(ofIndex: $0.losses.count - 1) }.max() ?? 1)
        let thresholdValue = scene.threshold.map { Self.plotted($0, floor: floor) }
        let yr = scene.yLimits ?? Self.yRange(scene.racers, floor: floor, extra: thresholdValue)
        let yTicks = TickLocator.logUniform(yr, target: 6)
        let yTickWidth = yTicks.filter(\.isMajor).map { c.measure($0.label, style.tickLabel) }.max() ?? 0
        let top = m + 29 + 16
        let left = (m + 13 + 6 + yTickWidth + 7).rounded()
        let plotWidth = (W - m - left).rounded()

        // The key, below the axes: entries flow left to right and wrap at the plot's width.
        let styles = scene.racers.enumerated().map { $0.element.style(index: $0.offset) }
        let colors = styles.map(\.color)
        let nameStyle = TextStyle(size: 10.5, bold: true, color: style.ink)
        let rowH = 17.0, gap = 18.0
        func entryWidth(_ r: RacerTrack) -> Double {
            let label = r.legendLabel
            if label.hasPrefix(r.name) {
                return 28 + c.measure(r.name, nameStyle) + c.measure(String(label.dropFirst(r.name.count)), style.detail)
            }
            return 28 + c.measure(label, style.detail)
        }
        var entryOrigins: [SIMD2<Double>] = []
        var x = 0.0, row = 0
        for r in scene.racers {
            let w = min(entryWidth(r), plotWidth)
            if x > 0 && x + w > plotWidth { x = 0; row += 1 }
            entryOrigins.append(SIMD2(x, Double(row) * rowH))
            x += w + gap
        }
        let keyHeight = scene.racers.isEmpty ? 0 : Double(row + 1) * rowH + 6
        let plot = Rect(x: left, y: top.rounded(), width: plotWidth,
                        height: (H - m - 32 - keyHeight - top).rounded())
        let ly0 = log10(yr.lowerBound), ly1 = log10(yr.upperBound)
        func px(_ s: Double) -> Double { plot.minX + s / Double(lastStep) * plot.width }
        func py(_ v: Double) -> Double { plot.maxY - (log10(v) - ly0) / (ly1 - ly0) * plot.height }
        geo.plot = plot

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
        for t in xTicks { text(t.label, x: px(t.value), y: plot.maxY + 16, style.tickLabel, align: .center) }
        for t in yTicks where t.isMajor {
            text(t.label, x: plot.minX - 0.8 - style.tickLength - 3, y: py(t.value) + half, style.tickLabel, align: .right)
        }
        text(scene.xLabel, x: plot.minX + plot.width / 2, y: plot.maxY + 31, style.axisLabel, align: .center)
        c.verticalText(yTitle, x: m + 13, y: plot.minY + plot.height / 2, style.axisLabel)

        // Checkpoints, labelled inside the frame (left of the line when the right side has no room).
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
            let label = "\(s)", w = c.measure(label, style.header)
            let xs = px(Double(s))
            text(label, x: xs + 3 + w <= plot.maxX - 2 ? xs + 3 : xs - 3 - w, y: plot.minY + 11, style.header)
            geo.checkpointLabels.append(geo.labels.last!)
        }

        // Threshold: the line under the racers, its label over them.
        var thresholdLabel: (String, Double)? = nil
        if let t = thresholdValue, t > 0, t >= yr.lowerBound, t <= yr.upperBound {
            let y = py(t)
            c.setDash([6, 3])
            c.setLineWidth(1)
            c.setColor(RGBColor(hex: 0x5F6368))
            c.moveTo(SIMD2(plot.minX, y)); c.lineTo(SIMD2(plot.maxX, y))
            c.stroke()
            c.setDash([])
            var label = "threshold"
            if let th = scene.threshold {
                if let f = floor, f != 0 {
                    label += " f = \(TickFormatter.short(th)) (f − f* = \(TickFormatter.short(t)))"
                } else {
                    label += " \(TickFormatter.short(th))"
                }
            }
            thresholdLabel = (label, y - plot.minY < 16 ? y + 12 : y - 4)
        }

        // Lines: off-scale values on the frame's edge.
        enum Side { case inside, above, below }
        var offScale: [(SIMD2<Double>, Side, RGBColor)] = []
        c.save()
        c.clip(to: plot.insetBy(-1.5))
        for (i, r) in scene.racers.enumerated() {
            try cancellation.check()
            var pts: [SIMD2<Double>] = []
            var marked: Set<Int> = []
            var previous = Side.inside
            for (k, l) in r.losses.enumerated() {
                let v = Self.plotted(l, floor: floor)
                guard !v.isNaN, l.isFinite else { pts.append(SIMD2(.nan, .nan)); previous = .inside; continue }
                let side: Side = v < yr.lowerBound ? .below : v > yr.upperBound ? .above : .inside
                let y = side == .below ? plot.maxY : side == .above ? plot.minY : py(v)
                let p = SIMD2(px(Double(r.step(ofIndex: k))), y)
                pts.append(p)
                if side != .inside && side != previous && !marked.contains(side == .above ? 1 : 0) {
                    marked.insert(side == .above ? 1 : 0)
                    offScale.append((p, side, colors[i]))
                }
                previous = side
            }
            geo.lines.append(pts)
            for run in SegmentClipper.runs(pts, in: plot.insetBy(-4)) { c.polyline(run) }
            c.setColor(colors[i])
            c.setLineWidth(style.pathWidth)
            c.setDash(styles[i].dash.pattern)
            c.stroke()
            c.setDash([])
        }
        c.restore()
        for (p, side, color) in offScale {
            RaceMarkers.offMap(c, border: p, towards: SIMD2(0, side == .above ? -1 : 1), color: color)
        }

        if let (label, y) = thresholdLabel {
            let st = TextStyle(size: 9.5, color: RGBColor(hex: 0x3C4043))
            let w = c.measure(label, st), a = c.ascent(st)
            c.setColor(RGBColor(red: 1, green: 1, blue: 1, alpha: 0.85))
            c.roundedRect(Rect(x: plot.maxX - 4 - w - 3, y: y - a - 2, width: w + 6, height: a + 5), radius: 2)
            c.fill()
            text(label, x: plot.maxX - 4, y: y, st, align: .right)
        }

        // Divergence marks.
        for (i, r) in scene.racers.enumerated() {
            guard let d = r.divergedAtStep else { continue }
            var k = min(r.index(atOrBefore: d), r.losses.count - 1)
            while k >= 0 && !(r.losses[k].isFinite && Self.plotted(r.losses[k], floor: floor) > 0) { k -= 1 }
            guard k >= 0 else { continue }
            let p = SIMD2(px(Double(r.step(ofIndex: k))), min(max(py(Self.plotted(r.losses[k], floor: floor)), plot.minY), plot.maxY))
            RaceMarkers.cross(c, at: p, color: colors[i], radius: 4.5)
            let label = "diverged at step \(d)"
            let st = TextStyle(size: 9.5, color: style.divergedInk)
            let w = c.measure(label, st)
            let x = max(plot.minX + 2, p.x + 8 + w > plot.maxX ? p.x - 8 - w : p.x + 8)
            text(label, x: x, y: p.y < plot.minY + 20 ? max(p.y + 14, plot.minY + 26) : p.y - 7, st)
        }

        // The key.
        let keyTop = plot.maxY + 32 + 8
        for (i, r) in scene.racers.enumerated() {
            let o = SIMD2(plot.minX, keyTop) + entryOrigins[i]
            let y = o.y + 12
            let w = min(entryWidth(r), plotWidth)
            geo.key.append(Rect(x: o.x, y: o.y, width: w, height: rowH))
            c.moveTo(SIMD2(o.x, y - 4)); c.lineTo(SIMD2(o.x + 22, y - 4))
            c.setColor(colors[i])
            c.setLineWidth(style.pathWidth)
            c.setDash(styles[i].dash.pattern)
            c.stroke()
            c.setDash([])
            c.save()
            c.clip(to: Rect(x: o.x, y: o.y, width: w, height: rowH))
            var x = o.x + 28
            var rest = r.legendLabel
            if rest.hasPrefix(r.name) {
                text(r.name, x: x, y: y, nameStyle)
                x += c.measure(r.name, nameStyle)
                rest = String(rest.dropFirst(r.name.count))
            }
            text(rest, x: x, y: y, style.detail)
            c.restore()
        }
        try cancellation.check()
        geometry = geo
        return c.image()
    }
}
