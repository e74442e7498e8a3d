/// Reference derivatives for tests: central differences refined by one Richardson step.
enum FiniteDifference {
    /// ∂f/∂x_i at `point`, with step h = 1e-3·max(1, |x_i|) and h/2 combined to cancel the h² error.
    static func partial(_ f: ([Double]) -> Double, at point: [Double], index i: Int) -> Double {
        let h = 1e-3 * Swift.max(1, Swift.abs(point[i]))
        func central(_ step: Double) -> Double {
            var plus = point, minus = point
            plus[i] += step
            minus[i] -= step
            return (f(plus) - f(minus)) / ((plus[i] - minus[i]))
        }
        let coarse = central(h), fine = central(h / 2)
        return (4 * fine - coarse) / 3
    }

    static func gradient(_ f: ([Double]) -> Double, at point: [Double]) -> [Double] {
        point.indices.map { partial(f, at: point, index: $0) }
    }

    /// Whether `a` matches the reference `b` within 1e-6·max(1, |b|).
    static func close(_ a: Double, _ b: Double, tolerance: Double = 1e-6) -> Bool {
        Swift.abs(a - b) <= tolerance * Swift.max(1, Swift.abs(b))
    }
}
