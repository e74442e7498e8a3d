import Dispatch

/// A model race's loss on a plane through trained weights θ*, and the racers' paths projected onto it.
///
/// The plane is θ* + α·d₁ + β·d₂. With `.random` the two directions are seeded Gaussian vectors, filter-normalised
/// (Li et al. 2018): the part of a direction that feeds each unit is rescaled to the norm of that unit's weights,
/// and biases are not moved. With `.principal` they are the top two principal directions of the racers' trajectories
/// around θ*. A path's point at epoch t is the least-squares projection of θₜ − θ* onto the plane; how much of the
/// path's distance from θ* the plane holds is its `share` (1 for a path in the plane), since a projected path is not
/// a path on the surface.
public struct LandscapeSlice: Sendable {
    /// How the plane's directions are chosen.
    public enum Directions: String, Sendable, CaseIterable {
        case random
        case principal = "pca"
    }

    /// The weights at the plane's origin: the final weights of the best racer.
    public let centre: FlatVector
    /// The racer whose final weights are the centre.
    public let centreRacer: String
    public let first: FlatVector
    public let second: FlatVector
    public let directions: Directions
    /// Each racer's path in plane coordinates (α, β), at its snapshot epochs.
    public let paths: [[SIMD2<Double>]]
    /// The loss at each path point (at the real weights θₜ, not at their projection).
    public let pathLosses: [[Double]]
    /// Σ‖projection of θₜ − θ*‖² / Σ‖θₜ − θ*‖² over each racer's path (nil for a path that stays on θ*).
    public let shares: [Double?]
    /// With `.principal`: the share of the trajectories' spread around θ* the two directions explain.
    public let explained: Double?
    /// The loss on the lattice, row-major, `columns × rows` over `xRange × yRange`.
    public let values: [Double]
    public let columns: Int
    public let rows: Int
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>

    /// The slice of `race` (whose runs kept snapshots) on a `columns × rows` lattice.
    public init(_ race: ModelRace, directions: Directions, seed: UInt64, columns: Int, rows: Int) {
        let scenario = race.scenario
        let shape = scenario.shape, data = scenario.data
        let best = race.ranks.enumerated().min { $0.element < $1.element }!.offset
        let centre = race.runs[best].parameters
        self.centre = centre
        centreRacer = race.runs[best].racer
        self.directions = directions
        let offsets: [[FlatVector]] = race.runs.map { run in
            run.snapshots.filter { $0.values.allSatisfy(\.isFinite) }.map { $0 - centre }
        }
        var d1: FlatVector, d2: FlatVector
        var explained: Double?
        switch directions {
        case .random:
            var rng = NumpyGenerator(seed: seed)
            d1 = Self.filterNormalised(FlatVector((0..<centre.count).map { _ in rng.standardNormal() }), like: centre, shape: shape)
            d2 = Self.filterNormalised(FlatVector((0..<centre.count).map { _ in rng.standardNormal() }), like: centre, shape: shape)
        case .principal:
            (d1, d2, explained) = Self.principalDirections(offsets.flatMap { $0 }, count: centre.count, seed: seed)
        }
        first = d1
        second = d2
        self.explained = explained

        // Least squares onto span(d₁, d₂): the 2 × 2 normal equations.
        let a11 = Self.dot(d1, d1), a12 = Self.dot(d1, d2), a22 = Self.dot(d2, d2)
        let det = a11 * a22 - a12 * a12
        func project(_ v: FlatVector) -> SIMD2<Double> {
            let b1 = Self.dot(d1, v), b2 = Self.dot(d2, v)
            return SIMD2((a22 * b1 - a12 * b2) / det, (a11 * b2 - a12 * b1) / det)
        }
        var paths: [[SIMD2<Double>]] = [], pathLosses: [[Double]] = [], shares: [Double?] = []
        for runOffsets in offsets {
            let points = runOffsets.map(project)
            paths.append(points)
            pathLosses.append(runOffsets.map { NetworkGradient.loss(shape, theta: centre + $0, inputs: data.inputs, targets: data.targets) })
            var inPlane = 0.0, total = 0.0
            for (v, p) in zip(runOffsets, points) {
                let q = p.x * d1 + p.y * d2
                inPlane += Self.dot(q, q)
                total += Self.dot(v, v)
            }
            shares.append(total > 0 ? inPlane / total : nil)
        }
        self.paths = paths
        self.pathLosses = pathLosses
        self.shares = shares

        // The lattice covers the paths with a margin, and at least [−1, 1]² (a filter-normalised unit step).
        let all = paths.flatMap { $0 }
        let extentX = max(1, (all.map { abs($0.x) }.max() ?? 0) * 1.15)
        let extentY = max(1, (all.map { abs($0.y) }.max() ?? 0) * 1.15)
        xRange = -extentX...extentX
        yRange = -extentY...extentY
        self.columns = columns
        self.rows = rows
        let slots = ResultSlots<[Double]>(count: rows)
        let xr = xRange, yr = yRange, u1 = d1, u2 = d2
        DispatchQueue.concurrentPerform(iterations: rows) { r in
            let beta = yr.lowerBound + (yr.upperBound - yr.lowerBound) * Double(r) / Double(rows - 1)
            if Interruption.isRequested { slots.set(r, [Double](repeating: .nan, count: columns)); return }
            slots.set(r, (0..<columns).map { c in
                let alpha = xr.lowerBound + (xr.upperBound - xr.lowerBound) * Double(c) / Double(columns - 1)
                return NetworkGradient.loss(shape, theta: centre + alpha * u1 + beta * u2, inputs: data.inputs, targets: data.targets)
            })
        }
        values = slots.values.flatMap { $0 }
    }

    static func dot(_ a: FlatVector, _ b: FlatVector) -> Double {
        var sum = 0.0
        for i in 0..<a.count { sum += a[i] * b[i] }
        return sum
    }

    /// `direction` with each unit's incoming weights rescaled to the norm of that unit's weights in `weights`,
    /// and the biases' part set to zero.
    static func filterNormalised(_ direction: FlatVector, like weights: FlatVector, shape: NetworkShape) -> FlatVector {
        var d = direction.values
        for l in 0..<shape.layerCount {
            let (w, b) = shape.offsets(l)
            let fanIn = shape.widths[l]
            for unit in 0..<shape.widths[l + 1] {
                let range = (w + unit * fanIn)..<(w + (unit + 1) * fanIn)
                let dn = range.reduce(0.0) { $0 + d[$1] * d[$1] }.squareRoot()
                let wn = range.reduce(0.0) { $0 + weights[$1] * weights[$1] }.squareRoot()
                for i in range { d[i] = dn > 0 ? d[i] * (wn / dn) : 0 }
            }
            for i in b..<(b + shape.widths[l + 1]) { d[i] = 0 }
        }
        return FlatVector(d)
    }

    /// The top two principal directions of `offsets` (as unit vectors) and the share of Σ‖offset‖² they explain,
    /// from the Gram matrix by power iteration with deflation (a fixed start drawn from `seed`).
    static func principalDirections(_ offsets: [FlatVector], count: Int, seed: UInt64) -> (FlatVector, FlatVector, Double) {
        let m = offsets.count
        guard m >= 2 else {
            var e1 = [Double](repeating: 0, count: count), e2 = e1
            if count > 0 { e1[0] = 1 }
            if count > 1 { e2[1] = 1 }
            return (FlatVector(e1), FlatVector(e2), 0)
        }
        var gram = [Double](repeating: 0, count: m * m)
        for i in 0..<m { for j in i..<m { let v = dot(offsets[i], offsets[j]); gram[i * m + j] = v; gram[j * m + i] = v } }
        let trace = (0..<m).reduce(0.0) { $0 + gram[$1 * m + $1] }
        var rng = NumpyGenerator(seed: seed)
        var vectors: [[Double]] = [], values: [Double] = []
        for _ in 0..<2 {
            var v = (0..<m).map { _ in rng.standardNormal() }
            var lambda = 0.0
            for _ in 0..<1000 {
                for u in vectors {   // deflate: stay orthogonal to the vectors found
                    let p = zip(u, v).reduce(0.0) { $0 + $1.0 * $1.1 }
                    for k in 0..<m { v[k] -= p * u[k] }
                }
                var w = [Double](repeating: 0, count: m)
                for i in 0..<m { var s = 0.0; for j in 0..<m { s += gram[i * m + j] * v[j] }; w[i] = s }
                let norm = w.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 0 else { break }
                let next = w.map { $0 / norm }
                let change = zip(next, v).reduce(0.0) { $0 + abs($1.0 - $1.1) }
                v = next
                lambda = norm
                if change < 1e-12 { break }
            }
            vectors.append(v)
            values.append(lambda)
        }
        func direction(_ e: [Double]) -> FlatVector {
            var d = [Double](repeating: 0, count: count)
            for (k, offset) in offsets.enumerated() { for i in 0..<count { d[i] += e[k] * offset[i] } }
            let norm = d.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
            return FlatVector(norm > 0 ? d.map { $0 / norm } : d)
        }
        return (direction(vectors[0]), direction(vectors[1]), trace > 0 ? min(1, (values[0] + values[1]) / trace) : 0)
    }
}
