import Foundation

/// The usable range of one swept parameter around the best: where the objective stays within a factor of the best.
///
/// Measured along axis 0 (for a 2-D grid, along the row of the best value of axis 1). A value belongs
/// to the window when none of its runs failed and its excess over the objective's ideal (f* for losses,
/// 0 for steps and distance) is at most `factor` times the best cell's; the window is the unbroken run
/// of such values around the best. The divergence edges are the nearest values above and below the
/// best where some run diverged.
public struct SweepWindow: Sendable, Equatable {
    public let factor: Double
    public let low: Double
    public let high: Double
    /// log₁₀(high/low), when both ends are positive.
    public let decades: Double?
    /// The nearest value above the best where some run diverged.
    public let divergesAbove: Double?
    /// The nearest value below the best where some run diverged.
    public let divergesBelow: Double?

    /// The window of `cells` (the axis-0 line through the best, in axis order) around the cell at `best`.
    public init(line cells: [SweepCell], best: Int, factor: Double, ideal: Double) {
        self.factor = factor
        let reference = Swift.max(0, (cells[best].mean ?? 0) - ideal)
        func inside(_ cell: SweepCell) -> Bool {
            guard cell.failed == 0, let mean = cell.mean else { return false }
            return mean - ideal <= factor * reference
        }
        var lo = best, hi = best
        while lo > 0 && inside(cells[lo - 1]) { lo -= 1 }
        while hi < cells.count - 1 && inside(cells[hi + 1]) { hi += 1 }
        low = cells[lo].values[0]
        high = cells[hi].values[0]
        decades = low > 0 && high > 0 ? Foundation.log10(high / low) : nil
        divergesAbove = cells[(best + 1)...].first { $0.diverged > 0 }?.values[0]
        divergesBelow = cells[..<best].last { $0.diverged > 0 }?.values[0]
    }
}
