/// Liang–Barsky clipping of line segments to a rectangle, so far-away or huge coordinates never reach the rasteriser.
public enum SegmentClipper {
    /// The part of segment `a`–`b` inside `rect`, or `nil` when it misses the rectangle or has a non-finite end.
    public static func clip(_ a: SIMD2<Double>, _ b: SIMD2<Double>, to rect: Rect) -> (SIMD2<Double>, SIMD2<Double>)? {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return nil }
        let d = b - a
        var t0 = 0.0, t1 = 1.0
        let checks: [(Double, Double)] = [
            (-d.x, a.x - rect.minX), (d.x, rect.maxX - a.x),
            (-d.y, a.y - rect.minY), (d.y, rect.maxY - a.y),
        ]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 {
                    if r > t1 { return nil }
                    if r > t0 { t0 = r }
                } else {
                    if r < t0 { return nil }
                    if r < t1 { t1 = r }
                }
            }
        }
        return (a + d * t0, a + d * t1)
    }

    /// Splits a point sequence into drawable runs: non-finite points break the run, and segments are clipped to `rect`
    /// (a run also breaks where a segment leaves the rectangle).
    public static func runs(_ points: [SIMD2<Double>], in rect: Rect) -> [[SIMD2<Double>]] {
        var runs: [[SIMD2<Double>]] = []
        var current: [SIMD2<Double>] = []
        func flush() {
            if current.count >= 2 { runs.append(current) }
            current = []
        }
        guard points.count >= 2 else { return [] }
        for k in 1..<points.count {
            guard let (p, q) = clip(points[k - 1], points[k], to: rect) else {
                flush()
                continue
            }
            if let last = current.last, last == p {
                current.append(q)
            } else {
                flush()
                current = [p, q]
            }
            if q != points[k] { flush() }
        }
        flush()
        return runs
    }
}
