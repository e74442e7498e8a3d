import Foundation

/// One axis of a tuning picture: its label, range and spacing.
public struct PlotAxis: Sendable, Hashable {
    public var label: String
    public var range: ClosedRange<Double>
    public var spacing: AxisSpacing

    public init(label: String, range: ClosedRange<Double>, spacing: AxisSpacing) {
        precondition(range.upperBound > range.lowerBound && spacing.admits(range.lowerBound) && spacing.admits(range.upperBound),
                     "bad axis range")
        self.label = label
        self.range = range
        self.spacing = spacing
    }

    public init(label: String, range: ClosedRange<Double>, isLog: Bool) {
        self.init(label: label, range: range, spacing: isLog ? .log : .linear)
    }

    public var isLog: Bool { spacing == .log }

    /// The position of `v` along the axis, 0 at the low end and 1 at the high end.
    func fraction(_ v: Double) -> Double {
        let lo = spacing.coordinate(range.lowerBound), hi = spacing.coordinate(range.upperBound)
        return (spacing.coordinate(v) - lo) / (hi - lo)
    }

    /// The ticks of the axis: log ticks on a log axis, and on a 1 − v log axis the log ticks of 1 − v (0, 0.9,
    /// 0.99, … labelled; 0.5, 0.8, 0.95, … minor).
    func ticks(target: Int) -> [Tick] {
        switch spacing {
        case .linear: return TickLocator.linear(range, target: target)
        case .log: return TickLocator.log(range, target: target)
        case .logOneMinus:
            let complement = TickLocator.log((1 - range.upperBound)...(1 - range.lowerBound), target: target)
            return complement.reversed().map { t in
                Tick(value: 1 - t.value, isMajor: t.isMajor, label: t.isMajor ? Self.oneMinusLabel(t.value) : "")
            }
        }
    }

    /// The label of the value 1 − `complement` for a power of ten `complement`: "0.999" for 10⁻³, written out so
    /// that no number of nines rounds to 1.
    static func oneMinusLabel(_ complement: Double) -> String {
        let k = Foundation.log10(complement).rounded()
        guard abs(complement / Foundation.pow(10, k) - 1) < 1e-9, k < 0 else { return TickFormatter.short(1 - complement) }
        return "0." + String(repeating: "9", count: Int(-k))
    }

    /// The axis label with its spacing said.
    var caption: String { spacing.caption(label) }
}
