import COptraceMath
import Foundation

/// Number formatting shared by reports: round-trip text for data files, short text for people.
public enum NumberFormat {
    /// The shortest text that reads back as exactly `v` (Swift's `description`); "nan", "inf", "-inf" otherwise.
    public static func roundTrip(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        return v.description
    }

    /// A compact human form: integers without ".0", others with up to 6 significant digits.
    public static func short(_ v: Double) -> String {
        if !v.isFinite { return roundTrip(v) }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        var text = fixedSignificant(v, 6)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `v` with `digits` digits after the decimal point ("1.34").
    public static func fixed(_ v: Double, _ digits: Int) -> String {
        if !v.isFinite { return roundTrip(v) }
        return formatC("%.\(digits)f", v)
    }

    /// `v` in scientific notation with `digits` digits after the point ("3.12e-11").
    public static func scientific(_ v: Double, _ digits: Int) -> String {
        if !v.isFinite { return roundTrip(v) }
        return formatC("%.\(digits)e", v)
    }

    /// `v` with `digits` significant digits, in %g style.
    public static func fixedSignificant(_ v: Double, _ digits: Int) -> String {
        if !v.isFinite { return roundTrip(v) }
        return formatC("%.\(digits)g", v)
    }

    private static func formatC(_ format: String, _ v: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            _ = format.withCString { f in optrace_format_double(buffer.baseAddress!, 64, f, v) }
            return String(cString: buffer.baseAddress!)
        }
    }
}
