import Foundation

/// Marker shapes shared by the race frame and its legend.
enum RaceMarkers {
    static let outline = RGBColor(red: 0.08, green: 0.08, blue: 0.1, alpha: 0.85)

    /// Current position: racer colour in `shape`, white ring, thin dark outer ring (readable on every band).
    static func position(_ c: CairoCanvas, at p: SIMD2<Double>, color: RGBColor, radius r: Double,
                         shape: MarkerShape = .circle) {
        for (grow, ink) in [(1.6, outline), (0.9, RGBColor.white), (-0.4, color)] {
            outlinePath(c, shape, at: p, radius: r + grow)
            c.setColor(ink)
            c.fill()
        }
    }

    /// The outline of `shape` around `p`, sized so every shape looks about as big as a circle of radius `r`.
    static func outlinePath(_ c: CairoCanvas, _ shape: MarkerShape, at p: SIMD2<Double>, radius r: Double) {
        switch shape {
        case .circle:
            c.circle(p, radius: r)
        case .square:
            let h = r * 0.9
            c.newPath()
            c.polyline([p + SIMD2(-h, -h), p + SIMD2(h, -h), p + SIMD2(h, h), p + SIMD2(-h, h)], closed: true)
        case .triangle:
            let t = r * 1.25
            c.newPath()
            c.polyline([p + SIMD2(0, -t), p + SIMD2(t * 0.866, t * 0.5), p + SIMD2(-t * 0.866, t * 0.5)], closed: true)
        case .diamond:
            let d = r * 1.2
            c.newPath()
            c.polyline([p + SIMD2(0, -d), p + SIMD2(d, 0), p + SIMD2(0, d), p + SIMD2(-d, 0)], closed: true)
        }
    }

    /// Start: hollow white ring with a dark outline.
    static func start(_ c: CairoCanvas, at p: SIMD2<Double>) {
        c.circle(p, radius: 4.2)
        c.setColor(outline)
        c.setLineWidth(3.6)
        c.stroke()
        c.circle(p, radius: 4.2)
        c.setColor(.white)
        c.setLineWidth(1.8)
        c.stroke()
    }

    /// Divergence: a × in the racer colour over a dark casing.
    static func cross(_ c: CairoCanvas, at p: SIMD2<Double>, color: RGBColor, radius r: Double) {
        for (w, col) in [(4.2, outline), (2.2, color)] {
            c.moveTo(p + SIMD2(-r, -r)); c.lineTo(p + SIMD2(r, r))
            c.moveTo(p + SIMD2(-r, r)); c.lineTo(p + SIMD2(r, -r))
            c.setLineWidth(w)
            c.setColor(col)
            c.stroke()
        }
    }

    /// Global minimum: white five-pointed star with a dark outline (with `halo`, a light rim outside that, so it
    /// reads over paths and dark bands).
    static func star(_ c: CairoCanvas, at p: SIMD2<Double>, radius r: Double, halo: Bool = false) {
        var pts: [SIMD2<Double>] = []
        for k in 0..<10 {
            let a = -Double.pi / 2 + Double(k) * Double.pi / 5
            let rr = k % 2 == 0 ? r : r * 0.45
            pts.append(p + SIMD2(cos(a), sin(a)) * rr)
        }
        if halo { haloStroke(c, pts) }
        c.polyline(pts, closed: true)
        c.setColor(.white)
        c.fillPreserve()
        c.setColor(outline)
        c.setLineWidth(1.1)
        c.stroke()
    }

    /// Local minimum: white diamond with a dark outline (and a light rim with `halo`).
    static func diamond(_ c: CairoCanvas, at p: SIMD2<Double>, radius r: Double, halo: Bool = false) {
        let pts = [p + SIMD2(0, -r), p + SIMD2(r * 0.8, 0), p + SIMD2(0, r), p + SIMD2(-r * 0.8, 0)]
        if halo { haloStroke(c, pts) }
        c.polyline(pts, closed: true)
        c.setColor(.white)
        c.fillPreserve()
        c.setColor(outline)
        c.setLineWidth(1.1)
        c.stroke()
    }

    /// A wide light stroke around the closed outline `pts`, under the marker drawn next.
    private static func haloStroke(_ c: CairoCanvas, _ pts: [SIMD2<Double>]) {
        c.polyline(pts, closed: true)
        c.setColor(RGBColor(red: 1, green: 1, blue: 1, alpha: 0.7))
        c.setLineWidth(4.6)
        c.stroke()
    }

    /// Off-map pointer: a small triangle on the plot border pointing towards `target`.
    static func offMap(_ c: CairoCanvas, border p: SIMD2<Double>, towards dir: SIMD2<Double>, color: RGBColor) {
        let len = (dir.x * dir.x + dir.y * dir.y).squareRoot()
        guard len > 0 else { return }
        let d = dir / len, n = SIMD2(-d.y, d.x)
        let tip = p, base = p - d * 9
        c.polyline([tip, base + n * 5, base - n * 5], closed: true)
        c.setColor(color)
        c.fillPreserve()
        c.setColor(outline)
        c.setLineWidth(1)
        c.stroke()
    }
}
