import Foundation

/// One axis of a tuning picture: its label, range and whether it is logarithmic.
public struct PlotAxis: Sendable, Hashable {
    public var label: String
    public var range: ClosedRange<Double>
    public var isLog: Bool

    public init(label: String, range: ClosedRange<Double>, isLog: Bool) {
        precondition(range.upperBound > range.lowerBound && (!isLog || range.lowerBound > 0), "bad axis range")
        self.label = label
        self.range = range
        self.isLog = isLog
    }

    /// The position of `v` along the axis, 0 at the low end and 1 at the high end.
    func fraction(_ v: Double) -> Double {
        if isLog { return (log10(v) - log10(range.lowerBound)) / (log10(range.upperBound) - log10(range.lowerBound)) }
        return (v - range.lowerBound) / (range.upperBound - range.lowerBound)
    }

    /// The ticks of the axis (log ticks for a log axis).
    func ticks(target: Int) -> [Tick] {
        isLog ? TickLocator.log(range, target: target) : TickLocator.linear(range, target: target)
    }
}
