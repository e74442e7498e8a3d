/// The referee of §8.4: central-difference estimates of a tape's gradient.
public enum GradientCheck {
    /// The step used for input value v: h = 1e-6·max(1, |v|).
    public static func step(for v: Double) -> Double { 1e-6 * max(1, abs(v)) }

    /// (f(v + h) − f(v − h)) / 2h for each input in turn.
    public static func centralDifferences(_ tape: Tape, at inputs: [Double]) -> [Double] {
        inputs.indices.map { i in
            let h = step(for: inputs[i])
            var plus = inputs, minus = inputs
            plus[i] += h
            minus[i] -= h
            return (tape.value(at: plus) - tape.value(at: minus)) / (plus[i] - minus[i])
        }
    }

    /// |a − n| / max(|a|, |n|, 1e-12): how far the autodiff value `a` is from the estimate `n`.
    public static func relativeError(_ a: Double, _ n: Double) -> Double {
        abs(a - n) / max(abs(a), abs(n), 1e-12)
    }

    /// Whether a tape gradient and its estimate agree (relative error below 1e-6, the float64 contract).
    public static func agree(_ a: Double, _ n: Double) -> Bool {
        relativeError(a, n) < 1e-6 || abs(a - n) < 1e-9
    }
}
