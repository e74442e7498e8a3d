import Foundation

/// The usable range of one swept parameter around the best: where the objective stays within a factor of the best.
///
/// Measured along axis 0 (for a 2-D grid, along the row of the best value of axis 1). A value belongs
/// to the window when none of its runs failed and its excess over the objective's ideal (f* for losses,
/// 0 for steps and distance) is at most `factor` times the best cell's; the window is the unbroken run
/// of such values around the best. The divergence edges are the nearest values above and below the
/// best where some run diverged, and the nearest above it where some run was unstable (ended above its start).
public struct SweepWindow: Sendable, Equatable {
    public let factor: Double
    public let low: Double
    public let high: Double
    /// The window's width in decades: log₁₀(high/low) when both ends are positive; on a `log1m` axis the decades
    /// of 1 − value, log₁₀((1 − low)/(1 − high)).
    public let decades: Double?
    /// Whether `decades` counts decades of 1 − value (a `log1m` axis).
    public let decadesOfComplement: Bool
    /// The nearest value above the best where some run diverged.
    public let divergesAbove: Double?
    /// The nearest value below the best where some run diverged.
    public let divergesBelow: Double?
    /// The nearest value above the best where some run was unstable (ended above its starting loss) or diverged:
    /// the stability edge, which a finite number of steps can leave short of divergence.
    public let unstableAbove: Double?
    /// Whether the window reaches the low end of the swept range (it may go on below it).
    public let lowIsRangeEnd: Bool
    /// Whether the window reaches the high end of the swept range (it may go on above it).
    public let highIsRangeEnd: Bool
    /// Whether the best value is an end of the swept range (a better one may lie beyond it).
    public let bestIsRangeEnd: Bool
    /// Why the window holds the best value alone (its neighbours failed or are more than `factor`× worse), nil otherwise.
    public let loneBest: String?

    /// The window of `cells` (the axis-0 line through the best, in axis order) around the cell at `best`.
    public init(line cells: [SweepCell], best: Int, factor: Double, ideal: Double, scale: AxisScale = .log) {
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
        decadesOfComplement = scale == .log1m
        if decadesOfComplement {
            decades = Foundation.log10((1 - low) / (1 - high))
        } else {
            decades = low > 0 && high > 0 ? Foundation.log10(high / low) : nil
        }
        divergesAbove = cells[(best + 1)...].first { $0.diverged > 0 }?.values[0]
        divergesBelow = cells[..<best].last { $0.diverged > 0 }?.values[0]
        unstableAbove = cells[(best + 1)...].first { $0.unstable > 0 || $0.diverged > 0 }?.values[0]
        lowIsRangeEnd = lo == 0
        highIsRangeEnd = hi == cells.count - 1
        bestIsRangeEnd = best == 0 || best == cells.count - 1
        if lo == hi && cells.count > 1 {
            let neighbours = [best - 1, best + 1].filter { cells.indices.contains($0) }.map { k -> String in
                let cell = cells[k]
                let value = NumberFormat.fixedSignificant(cell.values[0], 4)
                if cell.failed > 0 { return "\(value): \(NumberFormat.fixedSignificant(100 * cell.failed, 3))% of its runs failed" }
                guard let mean = cell.mean else { return "\(value): no value" }
                let ratio = reference > 0 ? (mean - ideal) / reference : .infinity
                return "\(value): \(ratio.isFinite ? NumberFormat.fixedSignificant(ratio, 3) + "×" : "infinitely") as far from the ideal"
            }
            loneBest = neighbours.joined(separator: "; ")
        } else {
            loneBest = nil
        }
    }
}
