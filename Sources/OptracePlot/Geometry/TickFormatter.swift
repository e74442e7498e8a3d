import Foundation

/// Formats tick labels: no trailing zeros, a true minus sign "−", superscript powers of ten for log axes.
public enum TickFormatter {
    static let minus = "\u{2212}"

    /// `value` with just enough decimals for ticks spaced `step` apart.
    public static func format(_ value: Double, step: Double) -> String {
        let decimals = step > 0 && step.isFinite ? max(0, Int(-floor(log10(step) + 1e-9))) : 3
        return plain(value, decimals: min(decimals, 12))
    }

    /// Fixed-point with `decimals` places, trailing zeros and a dangling point removed, "−" for negatives, never "−0".
    public static func plain(_ value: Double, decimals: Int) -> String {
        var s = String(format: "%.\(decimals)f", value)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s == "-0" { s = "0" }
        return s.replacingOccurrences(of: "-", with: minus)
    }

    /// Log-axis label: plain numbers for 10⁻² … 10³, otherwise `10ⁿ` or `m×10ⁿ`.
    public static func formatLog(_ value: Double) -> String {
        guard value > 0, value.isFinite else { return "" }
        let exponent = Int(floor(log10(value) + 1e-9))
        let mantissa = (value / pow(10, Double(exponent))).rounded()
        if (-2...3).contains(exponent) {
            return plain(value, decimals: max(0, -exponent))
        }
        let power = "10" + superscript(exponent)
        return mantissa == 1 ? power : plain(mantissa, decimals: 0) + "×" + power
    }

    /// An integer written with Unicode superscript digits and minus.
    public static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var out = n < 0 ? "⁻" : ""
        for ch in String(abs(n)) { out.append(digits[Int(String(ch))!]) }
        return out
    }

    /// Up to 4 significant digits, no trailing zeros ("−0.25", "1.5e−7"), for values quoted in titles.
    public static func short(_ value: Double) -> String {
        guard value.isFinite else { return loss(value) }
        var s = String(format: "%.4g", value)
        if let e = s.firstIndex(of: "e") {
            s = String(s[..<e]) + "e" + String(Int(s[s.index(after: e)...]) ?? 0)
        }
        return s.replacingOccurrences(of: "-", with: minus)
    }

    /// A loss value for the scoreboard: 4 significant digits, scientific (`1.234e−5`) outside [10⁻³, 10⁵).
    public static func loss(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : minus + "∞") }
        let a = abs(value)
        if a != 0 && (a < 1e-3 || a >= 1e5) {
            var s = String(format: "%.3e", value)
            // "1.234e-05" → "1.234e−5"
            if let e = s.firstIndex(of: "e") {
                let mant = String(s[..<e])
                let exp = Int(s[s.index(after: e)...]) ?? 0
                s = mant + "e" + String(exp)
            }
            return s.replacingOccurrences(of: "-", with: minus)
        }
        let decimals = a == 0 ? 3 : a < 1 ? 3 - Int(floor(log10(a))) : max(0, 3 - Int(floor(log10(a))))
        return String(format: "%.\(decimals)f", value).replacingOccurrences(of: "-", with: minus)
    }
}
