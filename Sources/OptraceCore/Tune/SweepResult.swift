/// A finished sweep: its header, every cell, the ranking, the best cell, the usable window and the theory.
public struct SweepResult: Sendable {
    public let header: SweepHeader
    /// Every cell, in plan order.
    public let cells: [SweepCell]
    /// Cell indices from best to worst (fewest failed runs, then lowest mean).
    public let ranking: [Int]

    public init(header: SweepHeader, cells: [SweepCell]) {
        self.header = header
        self.cells = cells
        let keys = cells.map(SweepCell.RankKey.init)
        ranking = keys.withUnsafeBufferPointer { keys in cells.indices.sorted { keys[$0].ranks(before: keys[$1]) } }
    }

    /// The best cell, or nil when no configuration gave a value (all diverged or never reached the level).
    public var best: SweepCell? {
        guard let first = ranking.first, cells[first].mean != nil else { return nil }
        return cells[first]
    }

    /// The line of cells along axis 0 through the best (for a 2-D grid, at the best's axis-1 value); grids only.
    public var bestLine: [SweepCell]? {
        guard header.plan.isGrid, let best else { return nil }
        let n = header.plan.shape[0]
        let row = best.index / n
        return Array(cells[(row * n)..<(row * n + n)])
    }

    /// The usable window along axis 0 around the best (grids only).
    public var window: SweepWindow? {
        guard let line = bestLine, let best else { return nil }
        let n = header.plan.shape[0]
        return SweepWindow(
            line: line, best: best.index % n, factor: header.windowFactor,
            ideal: header.objective.ideal(floor: header.floor), scale: header.plan.axes[0].scale)
    }

    public var theory: SweepTheory? { header.theory }
}
