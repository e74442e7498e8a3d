import Foundation

/// Chooses tick positions: "nice" 1-2-5 linear steps, or decades (with 2 and 5 subticks on short ranges) for log axes.
public enum TickLocator {
    /// The nice step (1, 2 or 5 × 10ⁿ) for about `target` intervals over `span`.
    public static func niceStep(span: Double, target: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(target, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let residual = raw / magnitude
        let factor: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
        return factor * magnitude
    }

    /// Linear ticks inside `range` (inclusive, with a relative tolerance), about `target` of them, labelled.
    public static func linear(_ range: ClosedRange<Double>, target: Int = 6) -> [Tick] {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else {
            return [Tick(value: range.lowerBound, isMajor: true, label: TickFormatter.format(range.lowerBound, step: 1))]
        }
        let step = niceStep(span: span, target: target)
        let eps = step * 1e-9
        let first = (range.lowerBound / step - 1e-9).rounded(.up)
        var ticks: [Tick] = []
        var k = first
        while k * step <= range.upperBound + eps {
            var value = k * step
            if abs(value) < eps { value = 0 }
            ticks.append(Tick(value: value, isMajor: true, label: TickFormatter.format(value, step: step)))
            k += 1
        }
        return ticks
    }

    /// Log ticks inside `range` (`lowerBound > 0`): labelled decades; when fewer than three decades fit,
    /// 2× and 5× subticks are labelled too; the other integer multiples are unlabelled minor ticks.
    /// Falls back to linear ticks when fewer than two labelled ticks would result.
    public static func log(_ range: ClosedRange<Double>, target: Int = 6) -> [Tick] {
        guard range.lowerBound > 0, range.upperBound > range.lowerBound, range.upperBound.isFinite else {
            return linear(range, target: target)
        }
        let lo = log10(range.lowerBound), hi = log10(range.upperBound)
        let tol = 1e-9
        let firstDecade = Int(floor(lo + tol)), lastDecade = Int(floor(hi + tol))
        let decadesInside = lastDecade - Int(ceil(lo - tol)) + 1
        let labelSubticks = (hi - lo) < 2.5
        // With very many decades, label every n-th decade only.
        let decadeStride = max(1, Int(ceil(Double(decadesInside) / Double(max(target, 2)))))
        var ticks: [Tick] = []
        for d in firstDecade...lastDecade {
            for m in 1...9 {
                let value = Double(m) * pow(10, Double(d))
                let lv = log10(value)
                guard lv >= lo - tol, lv <= hi + tol else { continue }
                let major = m == 1 ? (d % decadeStride == 0) : (labelSubticks && (m == 2 || m == 5))
                if !major && decadeStride > 1 && m != 1 { continue }
                ticks.append(Tick(value: value, isMajor: major, label: major ? TickFormatter.formatLog(value) : ""))
            }
        }
        if ticks.filter(\.isMajor).count < 2 { return linear(range, target: target) }
        return ticks
    }

    /// Log ticks with one label format on the whole axis: plain numbers when every label lies in 10⁻² … 10³, else
    /// powers of ten (`10ⁿ`, `m×10ⁿ`) throughout.
    public static func logUniform(_ range: ClosedRange<Double>, target: Int = 6) -> [Tick] {
        let ticks = log(range, target: target)
        let majors = ticks.filter(\.isMajor).map(\.value)
        guard range.lowerBound > 0, majors.contains(where: { $0 < 0.00999 || $0 > 1000.1 }) else { return ticks }
        return ticks.map { t in
            guard t.isMajor, t.value > 0 else { return t }
            let e = Int(Foundation.floor(Foundation.log10(t.value) + 1e-9))
            let m = (t.value / pow(10, Double(e))).rounded()
            let power = "10" + TickFormatter.superscript(e)
            return Tick(value: t.value, isMajor: true, label: m == 1 ? power : TickFormatter.plain(m, decimals: 0) + "×" + power)
        }
    }
}
