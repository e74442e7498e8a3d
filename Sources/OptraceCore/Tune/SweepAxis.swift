import Foundation

/// One swept hyperparameter: its name (a component `name[i]` of a pair), the range and how it is spaced.
///
/// Written `NAME=LO:HI:N` (N values evenly spaced, both ends included), `NAME=LO:HI:log:N` (evenly spaced in log)
/// or `NAME=LO:HI:log1m:N` (1 − value evenly spaced in log, for momenta near 1). Under `--random` the count is left
/// out: `NAME=LO:HI`, `NAME=LO:HI:log` or `NAME=LO:HI:log1m`.
public struct SweepAxis: Sendable, Equatable {
    /// The hyperparameter's name (`lr`, `beta`, `betas[0]`, …) as written.
    public let name: String
    /// The parameter of the optimizer definition.
    public let parameter: String
    /// For a pair parameter, which of its two numbers (0 or 1).
    public let component: Int?
    public let low: Double
    public let high: Double
    public let scale: AxisScale
    /// Number of grid values (nil for random sampling).
    public let count: Int?

    /// The smallest and largest count of a grid axis.
    public static let countRange = 2...100_000

    public init(name: String, low: Double, high: Double, scale: AxisScale, count: Int?) {
        self.name = name
        (parameter, component) = Self.split(name)
        self.low = low
        self.high = high
        self.scale = scale
        self.count = count
    }

    /// `betas[1]` → ("betas", 1); `lr` → ("lr", nil).
    static func split(_ name: String) -> (String, Int?) {
        if name.hasSuffix("]"), let open = name.lastIndex(of: "["),
            let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
        {
            return (String(name[..<open]), index)
        }
        return (name, nil)
    }

    /// Parses `NAME=LO:HI[:log|:log1m][:N]`; `random` says whether the count must be absent (random) or present (grid).
    public static func parse(_ text: String, random: Bool) throws(TuneError) -> SweepAxis {
        let form = random ? "NAME=LO:HI, NAME=LO:HI:log or NAME=LO:HI:log1m" : "NAME=LO:HI:N, NAME=LO:HI:log:N or NAME=LO:HI:log1m:N"
        guard let equals = text.firstIndex(of: "=") else {
            throw TuneError("--param '\(text)': expected \(form)")
        }
        let name = text[..<equals].trimmingBlanks
        if name.isEmpty { throw TuneError("--param '\(text)': expected a parameter name before '='") }
        let parts = text[text.index(after: equals)...].split(separator: ":", omittingEmptySubsequences: false).map {
            $0.trimmingBlanks
        }
        var fields = parts
        var scale = AxisScale.linear
        if fields.count >= 3, let named = AxisScale(rawValue: fields[2].lowercased()) {
            scale = named
            fields.remove(at: 2)
        } else if fields.count >= 3, fields[2].lowercased() == "lin" || fields[2].lowercased() == "linear" {
            fields.remove(at: 2)
        }
        let expected = random ? 2 : 3
        guard fields.count == expected else {
            if random && fields.count == 3 {
                throw TuneError("--param '\(text)': with --random give the range without a count (\(form)); --random N sets the number of samples")
            }
            throw TuneError("--param '\(text)': expected \(form)")
        }
        guard let low = Double(fields[0]), low.isFinite else {
            throw TuneError("--param '\(text)': the low end '\(fields[0])' is not a finite number")
        }
        guard let high = Double(fields[1]), high.isFinite else {
            throw TuneError("--param '\(text)': the high end '\(fields[1])' is not a finite number")
        }
        var count: Int?
        if !random {
            guard let n = Int(fields[2]) else {
                throw TuneError("--param '\(text)': the count '\(fields[2])' is not a whole number")
            }
            guard countRange.contains(n) else {
                throw TuneError("--param '\(text)': expected a count of at least \(countRange.lowerBound) (both ends are included) and at most \(countRange.upperBound), found \(n)")
            }
            count = n
        }
        if low == high { throw TuneError("--param '\(text)': the range is empty (low end equals high end)") }
        if low > high { throw TuneError("--param '\(text)': the range is inverted (\(fields[0]) > \(fields[1])); write LO:HI with LO < HI") }
        if scale == .log && low <= 0 {
            throw TuneError("--param '\(text)': a log axis needs both ends > 0, found \(fields[0])")
        }
        if scale == .log1m && high >= 1 {
            throw TuneError("--param '\(text)': a log1m axis spaces 1 − value in log, so both ends must be < 1, found \(fields[1])")
        }
        return SweepAxis(name: name, low: low, high: high, scale: scale, count: count)
    }

    /// The grid values, from low to high, both ends exact.
    public var values: [Double] {
        guard let count else { return [] }
        return (0..<count).map { value(at: Double($0) / Double(count - 1)) }
    }

    /// The value a fraction `u` ∈ [0, 1] of the way from low to high (in log for a log axis); u = 0 and 1 give the ends exactly.
    public func value(at u: Double) -> Double {
        if u <= 0 { return low }
        if u >= 1 { return high }
        switch scale {
        case .linear: return low + (high - low) * u
        case .log: return Foundation.exp(Foundation.log(low) + (Foundation.log(high) - Foundation.log(low)) * u)
        case .log1m:
            let a = Foundation.log1p(-low), b = Foundation.log1p(-high)
            return -Foundation.expm1(a + (b - a) * u)
        }
    }

    /// `lr=0.001:3:log:64`, as it would be written.
    public var specification: String {
        var text = "\(name)=\(NumberFormat.short(low)):\(NumberFormat.short(high))"
        if scale != .linear { text += ":\(scale.rawValue)" }
        if let count { text += ":\(count)" }
        return text
    }
}
