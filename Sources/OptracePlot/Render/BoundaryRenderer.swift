import Foundation

/// Draws a `BoundaryScene`: panels in rows of up to four, each a raster of the output's colour, the ½ line traced
/// from the field (`ContourTracer`), the data points, and the racer's name and detail above.
public final class BoundaryRenderer {
    public let scene: BoundaryScene
    public let width: Double
    public let height: Double
    public let scale: Double
    let style = FigureStyle()

    /// Class 0's and class 1's colours (points), and the lighter tints the plane takes.
    static let classColors = [RGBColor(hex: 0xE07B39), RGBColor(hex: 0x2F6DB5)]
    static let tints = [RGBColor(hex: 0xF5C49E), RGBColor(hex: 0x9DBFE8)]

    public init(scene: BoundaryScene, width: Double = 800, height: Double = 450, scale: Double = 1) {
        self.scene = scene
        self.width = width
        self.height = height
        self.scale = scale
    }

    /// The colour of output `p`: class 0's tint at 0, white at ½, class 1's tint at 1.
    static func color(_ p: Double) -> RGBColor {
        guard p.isFinite else { return RGBColor(hex: 0xE8E8E8) }
        let t = min(max(p, 0), 1)
        let (from, to, u) = t < 0.5 ? (tints[0], RGBColor(hex: 0xFFFFFF), t * 2) : (RGBColor(hex: 0xFFFFFF), tints[1], t * 2 - 1)
        return RGBColor(red: from.red + (to.red - from.red) * u, green: from.green + (to.green - from.green) * u, blue: from.blue + (to.blue - from.blue) * u)
    }

    /// The panels' rectangles in figure units: rows of up to four, each plot square-ish under its two text lines.
    func panelRects() -> [Rect] {
        let n = max(1, scene.panels.count)
        let perRow = min(4, n), rowCount = (n + perRow - 1) / perRow
        let top = style.margin + 44, gap = 16.0
        let cellWidth = (width - 2 * style.margin - gap * Double(perRow - 1)) / Double(perRow)
        let cellHeight = (height - top - style.margin - gap * Double(rowCount - 1)) / Double(rowCount)
        return (0..<scene.panels.count).map { i in
            let x = style.margin + Double(i % perRow) * (cellWidth + gap)
            let y = top + Double(i / perRow) * (cellHeight + gap)
            return Rect(x: x, y: y, width: cellWidth, height: cellHeight)
        }
    }

    public func render() -> RGBAImage {
        let c = style.titledCanvas(width: width, height: height, scale: scale, title: scene.title, subtitle: scene.subtitle)
        for (panel, cell) in zip(scene.panels, panelRects()) { draw(panel, in: cell, on: c) }
        return c.image()
    }

    func draw(_ panel: BoundaryScene.Panel, in cell: Rect, on c: CairoCanvas) {
        c.text(TextFit.shortened(panel.name, width: cell.width) { c.measure($0, style.name) }, x: cell.x, y: cell.y + 11, style.name)
        c.text(TextFit.shortened(panel.detail, width: cell.width) { c.measure($0, style.detail) }, x: cell.x, y: cell.y + 25, style.detail)
        let side = min(cell.width, cell.height - 34)
        let plot = Rect(x: cell.x + (cell.width - side) / 2, y: cell.y + 32, width: side, height: side)
        let field = panel.field
        // Raster: each device pixel's centre sampled bilinearly from the field (row 0 at the bottom).
        let x0 = Int((plot.x * scale).rounded()), y0 = Int((plot.y * scale).rounded())
        let w = max(1, Int((plot.width * scale).rounded())), h = max(1, Int((plot.height * scale).rounded()))
        var pixels = [UInt32](repeating: 0, count: w * h)
        for py in 0..<h {
            let v = 1 - (Double(py) + 0.5) / Double(h)
            for px in 0..<w {
                let u = (Double(px) + 0.5) / Double(w)
                let col = Self.color(Self.sample(field, u, v))
                let r = UInt32((col.red * 255).rounded()), g = UInt32((col.green * 255).rounded()), b = UInt32((col.blue * 255).rounded())
                pixels[py * w + px] = 0xFF00_0000 | r << 16 | g << 8 | b
            }
        }
        c.paint(argb: &pixels, width: w, height: h, deviceX: x0, deviceY: y0)
        let xr = field.xRange, yr = field.yRange
        func place(_ p: SIMD2<Double>) -> SIMD2<Double> {
            SIMD2(plot.x + (p.x - xr.lowerBound) / (xr.upperBound - xr.lowerBound) * plot.width,
                  plot.maxY - (p.y - yr.lowerBound) / (yr.upperBound - yr.lowerBound) * plot.height)
        }
        c.save()
        c.clip(to: plot)
        c.setColor(style.ink)
        c.setLineWidth(1.4)
        for line in ContourTracer(field: field).lines(at: 0.5) {
            c.polyline(line.points.map(place), closed: line.isClosed)
            c.stroke()
        }
        for (p, k) in zip(scene.points, scene.classes) {
            c.circle(place(p), radius: 3.4)
            c.setColor(Self.classColors[k == 0 ? 0 : 1])
            c.fillPreserve()
            c.setColor(RGBColor(hex: 0xFFFFFF))
            c.setLineWidth(0.9)
            c.stroke()
        }
        c.restore()
        c.setColor(style.frame)
        c.setLineWidth(0.8)
        c.rectangle(plot)
        c.stroke()
        let tick = style.tickLabel
        c.text(TickFormatter.short(xr.lowerBound), x: plot.x, y: plot.maxY + 12, tick)
        c.text(TickFormatter.short(xr.upperBound), x: plot.maxX, y: plot.maxY + 12, tick, align: .right)
    }

    /// The field's value at (u, v) in [0, 1]² (u along x, v along y), bilinear between lattice points.
    static func sample(_ field: Field, _ u: Double, _ v: Double) -> Double {
        let fx = u * Double(field.columns - 1), fy = v * Double(field.rows - 1)
        let c0 = min(Int(fx), field.columns - 2), r0 = min(Int(fy), field.rows - 2)
        let tx = fx - Double(c0), ty = fy - Double(r0)
        let a = field.values[r0 * field.columns + c0], b = field.values[r0 * field.columns + c0 + 1]
        let d = field.values[(r0 + 1) * field.columns + c0], e = field.values[(r0 + 1) * field.columns + c0 + 1]
        return (a * (1 - tx) + b * tx) * (1 - ty) + (d * (1 - tx) + e * tx) * ty
    }
}
