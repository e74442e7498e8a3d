import Foundation

/// Draws a `SweepScene`: the mean objective (log y) against the parameter with a ±1 std band, the usable
/// window shaded and labelled, red marks where runs diverge and a dashed line at the divergence edge, the best
/// value ringed, and the theory's best value and edge when given. Random samples are drawn as points, each with
/// its ±1 std bar: a line through them would invent values between samples.
public final class SweepRenderer {
    public let scene: SweepScene
    public let width: Double
    public let height: Double
    public let scale: Double
    let style = FigureStyle()
    static let lineInk = RGBColor(hex: 0x0072B2)
    static let windowFill = RGBColor(hex: 0x009E73).withAlpha(0.16)
    static let windowInk = RGBColor(hex: 0x007A5A)
    /// The boxes of the labels inside the plot after `render` (none overlaps another or a marker when there is room).
    public private(set) var labelBoxes: [Rect] = []
    /// The boxes of the markers labels keep off (the best value's ring).
    public private(set) var markerBoxes: [Rect] = []

    /// After `render`: each swept value's x in the image's pixels, and the plot's top and bottom (so a page can tell
    /// which value is under the pointer).
    public private(set) var cellCentres: (x: [Double], top: Double, bottom: Double) = ([], 0, 0)

    public init(scene: SweepScene, width: Double = 860, height: Double = 520, scale: Double = 1) {
        precondition(width >= 300 && height >= 220 && scale > 0)
        self.scene = scene
        self.width = width
        self.height = height
        self.scale = scale
    }

    /// The y range over the positive means and band ends, padded.
    static func yRange(_ scene: SweepScene) -> ClosedRange<Double> {
        var lo = Double.infinity, hi = -Double.infinity
        for (m, s) in zip(scene.means, scene.stds) {
            guard let m, m > 0, m.isFinite else { continue }
            lo = Swift.min(lo, m); hi = Swift.max(hi, m)
            if let s, m + s > 0, (m + s).isFinite { hi = Swift.max(hi, m + s) }
        }
        guard lo <= hi else { return 0.1...10 }
        if hi / lo < 10 { return (lo / 2)...(hi * 2) }
        let a = log10(lo), b = log10(hi), pad = (b - a) * 0.05
        return pow(10, a - pad)...pow(10, b + pad)
    }

    public func render() -> RGBAImage {
        // `.never` never fires, so nothing is thrown.
        try! render(cancellation: .never)
    }

    /// The picture, looking at `cancellation` per run of values and per group of marks.
    public func render(cancellation: Cancellation) throws(Cancelled) -> RGBAImage {
        let c = style.titledCanvas(width: width, height: height, scale: scale, title: scene.title, subtitle: scene.subtitle)
        let m = style.margin
        let xs = scene.values
        let xAxis = PlotAxis(label: scene.xLabel, range: xs[0]...xs[xs.count - 1], spacing: scene.xSpacing)
        let yAxis = PlotAxis(label: scene.yLabel, range: Self.yRange(scene), isLog: true)
        let top = (m + 29 + 30).rounded()
        let notesHeight = Double(scene.notes.count) * 14 + 8
        let plotHeight = (height - top - 42 - notesHeight).rounded()
        let left = (m + 13 + 6 + TuneFigure.yTickWidth(c, yAxis, height: plotHeight) + 7).rounded()
        let plot = Rect(x: left, y: top, width: (width - m - left).rounded(), height: plotHeight)
        let f = TuneFigure(canvas: c, plot: plot, x: xAxis, y: yAxis)
        func clampY(_ v: Double) -> Double { Swift.min(Swift.max(v, yAxis.range.lowerBound), yAxis.range.upperBound) }
        cellCentres = (xs.map { f.px($0) * scale }, plot.minY * scale, plot.maxY * scale)

        c.save()
        c.clip(to: plot)
        // The usable window.
        if let window = scene.window {
            let x0 = f.px(window.low), x1 = f.px(window.high)
            c.fill(Rect(x: x0 - 1, y: plot.minY, width: Swift.max(2, x1 - x0 + 2), height: plot.height), Self.windowFill)
            c.setColor(Self.windowInk)
            c.setLineWidth(1)
            c.moveTo(SIMD2(x0 - 1, plot.minY)); c.lineTo(SIMD2(x0 - 1, plot.maxY))
            c.moveTo(SIMD2(x1 + 1, plot.minY)); c.lineTo(SIMD2(x1 + 1, plot.maxY))
            c.stroke()
        }
        // Spread band, then the mean, in unbroken runs of values with a mean.
        var runs: [[Int]] = [[]]
        for i in xs.indices {
            if let mean = scene.means[i], mean > 0, mean.isFinite { runs[runs.count - 1].append(i) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        if scene.isSampled {
            runs = []
            c.newPath()
            for i in xs.indices {
                if i % 1024 == 0 { try cancellation.check() }
                guard let mean = scene.means[i], mean > 0, mean.isFinite else { continue }
                let x = f.px(xs[i])
                let low = mean - (scene.stds[i] ?? 0)
                c.moveTo(SIMD2(x, f.py(clampY(mean + (scene.stds[i] ?? 0)))))
                c.lineTo(SIMD2(x, low > 0 ? f.py(clampY(low)) : plot.maxY))
            }
            c.setColor(Self.lineInk.withAlpha(0.35))
            c.setLineWidth(1)
            c.stroke()
            c.newPath()
            for i in xs.indices {
                guard let mean = scene.means[i], mean > 0, mean.isFinite else { continue }
                c.circle(SIMD2(f.px(xs[i]), f.py(clampY(mean))), radius: 2.6)
            }
            c.setColor(Self.lineInk)
            c.fill()
        }
        for run in runs where !run.isEmpty {
            try cancellation.check()
            c.newPath()
            for (k, i) in run.enumerated() {
                let p = SIMD2(f.px(xs[i]), f.py(clampY(scene.means[i]! + (scene.stds[i] ?? 0))))
                if k == 0 { c.moveTo(p) } else { c.lineTo(p) }
            }
            for i in run.reversed() {
                let low = scene.means[i]! - (scene.stds[i] ?? 0)
                c.lineTo(SIMD2(f.px(xs[i]), low > 0 ? f.py(clampY(low)) : plot.maxY))
            }
            c.closePath()
            c.setColor(Self.lineInk.withAlpha(0.18))
            c.fill()
            c.newPath()
            c.polyline(run.map { SIMD2(f.px(xs[$0]), f.py(clampY(scene.means[$0]!))) })
            c.setColor(Self.lineInk)
            c.setLineWidth(style.pathWidth)
            c.stroke()
            if run.count <= 80 {
                c.newPath()
                for i in run { c.circle(SIMD2(f.px(xs[i]), f.py(clampY(scene.means[i]!))), radius: 2.2) }
                c.fill()
            }
        }
        // Divergence: a red × at the top for values where some run diverged (bold when most did).
        for i in xs.indices where scene.diverged[i] > 0 {
            if i % 1024 == 0 { try cancellation.check() }
            let x = f.px(xs[i]), y = plot.minY + 8
            let r = scene.diverged[i] >= 0.5 ? 4.0 : 2.6
            c.newPath()
            c.moveTo(SIMD2(x - r, y - r)); c.lineTo(SIMD2(x + r, y + r))
            c.moveTo(SIMD2(x - r, y + r)); c.lineTo(SIMD2(x + r, y - r))
            c.setColor(style.divergedInk)
            c.setLineWidth(scene.diverged[i] >= 0.5 ? 1.8 : 1.1)
            c.stroke()
        }
        // Labels keep off the best value's ring.
        let bestPoint = scene.best.flatMap { best in scene.means[best].flatMap { $0 > 0 ? SIMD2(f.px(xs[best]), f.py(clampY($0))) : nil } }
        if let bestPoint { f.reserveMarker(at: bestPoint) }
        if let edge = scene.divergenceEdge {
            f.markValue(
                edge, dash: [5, 3], color: style.divergedInk,
                label: "\(scene.divergenceEdgeLabel) \(TickFormatter.format(edge, step: edge / 1000))", labelY: plot.minY + 28)
        }
        if let theory = scene.theoryEdge {
            f.markValue(theory.value, dash: [2, 3], color: HeatmapRenderer.theoryInk, label: theory.label, labelY: plot.maxY - 24)
        }
        if let theory = scene.theoryBest {
            f.markValue(theory.value, dash: [2, 3], color: HeatmapRenderer.theoryInk, label: theory.label, labelY: plot.maxY - 8)
        }
        c.restore()
        if let bestPoint { f.ring(at: bestPoint, label: "best", color: style.ink) }
        labelBoxes = f.board.labels
        markerBoxes = f.board.reserved
        if let window = scene.window {
            let x0 = f.px(window.low), x1 = f.px(window.high)
            let w = c.measure(window.label, TextStyle(size: 11, bold: true, color: Self.windowInk))
            let x = Swift.min(Swift.max((x0 + x1) / 2 - w / 2, plot.minX), plot.maxX - w)
            c.text(window.label, x: x, y: plot.minY - 8, TextStyle(size: 11, bold: true, color: Self.windowInk))
        }
        f.axes(yLabelX: m + 13)
        f.notes(scene.notes, left: m, top: plot.maxY + 50)
        try cancellation.check()
        return c.image()
    }
}
