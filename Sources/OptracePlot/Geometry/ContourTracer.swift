/// Marching-squares iso-lines on a `Field`, joined into continuous polylines (contourpy-style saddle handling;
/// cells with a NaN or infinite corner are skipped).
public struct ContourTracer: Sendable {
    public let field: Field

    public init(field: Field) { self.field = field }

    /// Iso-lines at `level` in domain coordinates. A corner counts as "above" when its value is `> level`.
    ///
    /// Saddle cells (diagonal corners on the same side) are resolved with the average of the four corners,
    /// like contourpy's default: when the centre is above, the above corners are joined through the middle.
    public func lines(at level: Double) -> [Polyline] {
        let cols = field.columns, rows = field.rows
        let v = field.values
        guard level.isFinite else { return [] }
        // Edge ids: horizontal edge from lattice (i, j) to (i+1, j) → 2·(j·cols + i); vertical (i, j)–(i, j+1) → +1.
        var segments: [(Int, Int)] = []
        var points: [Int: SIMD2<Double>] = [:]

        func crossing(_ id: Int) -> SIMD2<Double> {
            if let p = points[id] { return p }
            let node = id >> 1
            let i = node % cols, j = node / cols
            let a = v[node]
            let bIndex = (id & 1) == 0 ? node + 1 : node + cols
            let b = v[bIndex]
            let t = (level - a) / (b - a)
            let p: SIMD2<Double> = (id & 1) == 0
                ? SIMD2(field.x(column: Double(i) + t), field.y(row: Double(j)))
                : SIMD2(field.x(column: Double(i)), field.y(row: Double(j) + t))
            points[id] = p
            return p
        }

        for j in 0..<(rows - 1) {
            for i in 0..<(cols - 1) {
                let n00 = j * cols + i
                let v00 = v[n00], v10 = v[n00 + 1], v01 = v[n00 + cols], v11 = v[n00 + cols + 1]
                if !(v00.isFinite && v10.isFinite && v01.isFinite && v11.isFinite) { continue }
                let a00 = v00 > level, a10 = v10 > level, a11 = v11 > level, a01 = v01 > level
                let bottom = 2 * n00, left = 2 * n00 + 1
                let top = 2 * (n00 + cols), right = 2 * (n00 + 1) + 1
                switch (a00, a10, a11, a01) {
                case (true, true, true, true), (false, false, false, false):
                    continue
                case (true, false, true, false), (false, true, false, true):
                    let centreAbove = (v00 + v10 + v11 + v01) / 4 > level
                    // Cut off the two corners that are NOT joined through the centre.
                    let cutLowerLeftAndUpperRight = (a00 == centreAbove) == false
                    if cutLowerLeftAndUpperRight {
                        segments.append((left, bottom))
                        segments.append((right, top))
                    } else {
                        segments.append((bottom, right))
                        segments.append((top, left))
                    }
                    continue
                default:
                    var ends: [Int] = []
                    if a00 != a10 { ends.append(bottom) }
                    if a10 != a11 { ends.append(right) }
                    if a01 != a11 { ends.append(top) }
                    if a00 != a01 { ends.append(left) }
                    segments.append((ends[0], ends[1]))
                }
            }
        }
        for s in segments {
            _ = crossing(s.0)
            _ = crossing(s.1)
        }
        return join(segments: segments, points: points)
    }

    private func join(segments: [(Int, Int)], points: [Int: SIMD2<Double>]) -> [Polyline] {
        var adjacency: [Int: [Int]] = [:]
        for (k, s) in segments.enumerated() {
            adjacency[s.0, default: []].append(k)
            adjacency[s.1, default: []].append(k)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var result: [Polyline] = []

        func walk(from start: Int, firstSegment: Int) {
            var ids = [start]
            var current = firstSegment
            var end = segments[current].0 == start ? segments[current].1 : segments[current].0
            used[current] = true
            while true {
                if end == start { break }
                ids.append(end)
                guard let next = adjacency[end]?.first(where: { !used[$0] }) else { break }
                used[next] = true
                current = next
                end = segments[current].0 == end ? segments[current].1 : segments[current].0
            }
            let closed = end == start && ids.count > 2
            result.append(Polyline(points: ids.map { points[$0]! }, isClosed: closed))
        }

        // Open lines first: they start at an edge point touched by one segment (the border or a NaN cell).
        for (k, s) in segments.enumerated() where !used[k] {
            if adjacency[s.0]!.count == 1 { walk(from: s.0, firstSegment: k) }
            else if adjacency[s.1]!.count == 1 { walk(from: s.1, firstSegment: k) }
        }
        for (k, s) in segments.enumerated() where !used[k] {
            walk(from: s.0, firstSegment: k)
        }
        return result
    }
}
