/// Finds the local minima of a surface numerically: damped Newton from a grid of starts, deterministic.
///
/// Each start runs Levenberg–Marquardt-damped Newton steps using the tape's gradient and a Hessian from central
/// differences of that gradient, until |∇f| < `gradientTolerance` (or, when rounding stops all progress, until
/// |∇f| is below `stallTolerance`). Points inside the domain whose Hessian is positive definite are kept,
/// duplicates merged, the lowest (within 1e-9) marked global, and the list sorted by value.
public struct MinimumFinder: Sendable {
    /// Starts per axis: the starts are the centres of a `startsPerAxis`² grid of cells over the domain.
    public var startsPerAxis: Int
    public var gradientTolerance: Double
    /// Accepted |∇f| for a point where no step lowers f any more (the float64 floor of steep surfaces).
    public var stallTolerance: Double
    public var maxIterations: Int

    public init(startsPerAxis: Int = 16, gradientTolerance: Double = 1e-10, stallTolerance: Double = 1e-7, maxIterations: Int = 300) {
        self.startsPerAxis = startsPerAxis
        self.gradientTolerance = gradientTolerance
        self.stallTolerance = stallTolerance
        self.maxIterations = maxIterations
    }

    /// The minima of a surface (over its domain).
    public func minima(of surface: Surface) -> [KnownMinimum] {
        minima(of: surface.tape, in: surface.domain)
    }

    /// The minima of f(x, y) given as a tape over two variables, inside `domain`.
    public func minima(of tape: Tape, in domain: Domain) -> [KnownMinimum] {
        var evaluator = SurfaceEvaluator(tape: tape)
        let n = Swift.max(1, startsPerAxis)
        let span = domain.span
        var found: [(point: Vec2, value: Double)] = []
        for i in 0..<n {
            for j in 0..<n {
                let start = Vec2(
                    domain.xRange.lowerBound + span.x * (Double(j) + 0.5) / Double(n),
                    domain.yRange.lowerBound + span.y * (Double(i) + 0.5) / Double(n))
                if let point = descend(from: start, in: domain, &evaluator), isMinimum(point, &evaluator) {
                    found.append((point, evaluator.value(at: point)))
                }
            }
        }
        // Merge duplicates, keeping the lowest representative.
        found.sort { ($0.value, $0.point.x, $0.point.y) < ($1.value, $1.point.x, $1.point.y) }
        let mergeDistance = 1e-6 * Swift.max(1, span.x, span.y)
        var distinct: [(point: Vec2, value: Double)] = []
        for candidate in found where !distinct.contains(where: { Self.distance($0.point, candidate.point) < mergeDistance }) {
            distinct.append(candidate)
        }
        guard let lowest = distinct.first?.value else { return [] }
        let globalBound = lowest + 1e-9 * Swift.max(1, Swift.abs(lowest))
        return distinct.map { KnownMinimum(point: $0.point, value: $0.value, isGlobal: $0.value <= globalBound) }
    }

    /// Damped Newton from `start`; nil if it diverges, leaves the domain or stalls far from a stationary point.
    private func descend(from start: Vec2, in domain: Domain, _ evaluator: inout SurfaceEvaluator) -> Vec2? {
        var p = start
        var (f, g) = evaluator.valueAndGradient(at: p)
        var damping = 0.0
        let span = domain.span
        let far = Domain(
            x: (domain.xRange.lowerBound - span.x)...(domain.xRange.upperBound + span.x),
            y: (domain.yRange.lowerBound - span.y)...(domain.yRange.upperBound + span.y))
        for _ in 0..<maxIterations {
            guard f.isFinite, g.x.isFinite, g.y.isFinite, far.contains(p) else { return nil }
            if Self.length(g) < gradientTolerance { return domain.contains(p) ? p : nil }
            let h = hessian(at: p, &evaluator)
            let scale = Swift.max(1e-12, Swift.abs(h.xx) + Swift.abs(h.yy) + 2 * Swift.abs(h.xy))
            var accepted = false
            for _ in 0..<80 {
                if let step = Self.solve(h, damping: damping, g), step.x.isFinite, step.y.isFinite {
                    let q = p + step
                    let (fq, gq) = evaluator.valueAndGradient(at: q)
                    let tolerance = 1e-14 * Swift.max(1, Swift.abs(f))
                    if fq < f || (fq <= f + tolerance && Self.length(gq) < Self.length(g)) {
                        (p, f, g) = (q, fq, gq)
                        damping = damping * 0.25 < 1e-12 * scale ? 0 : damping * 0.25
                        accepted = true
                        break
                    }
                }
                damping = Swift.max(damping * 4, 1e-9 * scale)
                if damping > 1e20 * scale { break }
            }
            if !accepted {
                return Self.length(g) < stallTolerance && domain.contains(p) ? p : nil
            }
        }
        return Self.length(g) < stallTolerance && domain.contains(p) ? p : nil
    }

    /// Whether the Hessian at p is positive definite (relative to its own scale).
    private func isMinimum(_ p: Vec2, _ evaluator: inout SurfaceEvaluator) -> Bool {
        let h = hessian(at: p, &evaluator)
        let trace = h.xx + h.yy
        let gap = ((h.xx - h.yy) * (h.xx - h.yy) + 4 * h.xy * h.xy).squareRoot()
        let smallest = (trace - gap) / 2, largest = (trace + gap) / 2
        return smallest > 1e-8 * Swift.max(1, largest)
    }

    /// Symmetrised Hessian from central differences of the tape gradient.
    private func hessian(at p: Vec2, _ evaluator: inout SurfaceEvaluator) -> (xx: Double, xy: Double, yy: Double) {
        let hx = 1e-5 * Swift.max(1, Swift.abs(p.x)), hy = 1e-5 * Swift.max(1, Swift.abs(p.y))
        let gxp = evaluator.valueAndGradient(at: p + Vec2(hx, 0)).gradient
        let gxm = evaluator.valueAndGradient(at: p - Vec2(hx, 0)).gradient
        let gyp = evaluator.valueAndGradient(at: p + Vec2(0, hy)).gradient
        let gym = evaluator.valueAndGradient(at: p - Vec2(0, hy)).gradient
        let column0 = (gxp - gxm) / (2 * hx), column1 = (gyp - gym) / (2 * hy)
        return (column0.x, (column0.y + column1.x) / 2, column1.y)
    }

    /// Solves (H + damping·I)·step = −g; nil unless the damped matrix is positive definite.
    private static func solve(_ h: (xx: Double, xy: Double, yy: Double), damping: Double, _ g: Vec2) -> Vec2? {
        let a = h.xx + damping, d = h.yy + damping, b = h.xy
        let det = a * d - b * b
        guard a > 0, det > 0 else { return nil }
        return Vec2(-(d * g.x - b * g.y) / det, -(a * g.y - b * g.x) / det)
    }

    private static func length(_ v: Vec2) -> Double { (v.x * v.x + v.y * v.y).squareRoot() }

    private static func distance(_ a: Vec2, _ b: Vec2) -> Double { length(a - b) }
}
