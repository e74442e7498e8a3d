/// Runs the cells of a sweep through the batched engine, every cell on the same seeds (common random numbers).
public enum Sweep {
    /// The cells `cells` (a range of plan indices; all of them by default) of the sweep `header` describes, for
    /// `target` on `surface`. Every cell's runs are independent of the others, so a shard's cells equal the same
    /// cells of the whole sweep, and nothing depends on `threads`. A requested `Interruption` cuts the sweep
    /// short and returns no cells; callers check `Interruption` after a sweep.
    public static func run(
        _ header: SweepHeader, target: TuneTarget, surface: Surface, cells: Range<Int>? = nil, threads: Int? = nil
    ) -> [SweepCell] {
        let plan = header.plan
        let range = cells ?? 0..<plan.cellCount
        let seeds = header.hasNoise ? header.seeds : Array(header.seeds.prefix(1))
        let count = range.count
        let first = range.lowerBound
        let engine = SweepEngine(
            surface: surface, configurationCount: count,
            makeOptimizer: { [cellOptimizer = target.cellOptimizers(plan)] in cellOptimizer(first + $0) },
            makeLaneRule: target.laneRules(plan, first: first),
            starts: [header.start], noise: GradientNoise(sigma: header.sigma, batch: header.batch, seed: header.seeds[0]),
            seeds: seeds, noisy: header.noisy, steps: header.steps, threshold: header.objective.threshold(floor: header.floor))
        // Run r is seed r / count of cell r mod count: the lanes of a group share their seed.
        let outcomes = engine.run(count: count * seeds.count, threads: threads) { r in
            SweepRun(configuration: r % count, start: 0, seed: r / count)
        }
        // An interrupted sweep is discarded: skip building its cells.
        if Interruption.isRequested { return [] }
        let minima = surface.minima
        let startLoss = surface.valueAndGradient(at: header.start).value
        let points = SweepPoints(plan)
        // Without noise every seed gives the same run: it counts once (`seeds` holds one seed).
        let cell: @Sendable (Int) -> SweepCell = { c in
            SweepCell(index: first + c, values: points.point(first + c), runs: seeds.count) { k in
                let outcome = outcomes[k * count + c]
                if outcome.diverged { return .diverged }
                if outcome.isUnstable(startLoss: startLoss) { return .unstable }
                return header.objective.value(of: outcome, steps: header.steps, minima: minima).map { .value($0) } ?? .unreached
            }
        }
        // Cells are built in blocks on the engine's threads (each cell on its own: the blocks do not change them).
        let workers = Swift.max(1, threads ?? SweepEngine.processorCount)
        let blocks = workers == 1 ? 1 : Swift.min(Swift.max(1, count / 1024), workers * 4)
        return ConcurrentArray.make(count: count, blocks: blocks, cell)
    }
}
