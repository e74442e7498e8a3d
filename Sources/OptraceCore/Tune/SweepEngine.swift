import COptraceSystem
import Dispatch
import Foundation

/// Runs many optimizer configurations, starts and noise seeds on one surface, 16 runs per group of SIMD lanes, on all cores.
///
/// Each run is exactly what `RaceRunner` does for one racer: the same loop (`RunLoop`), the same noise ξₜ by step,
/// the same update arithmetic and divergence rule, so every outcome is bit-identical to running that configuration
/// alone in a race; runs are independent, so results do not depend on the number of threads. Up to 16 configurations
/// of one shape step at once (`LaneGroupRun`): the rule's own transformations run on `LaneVec2`, each lane with its
/// hyperparameters, and f and ∇f come from `SurfaceLaneEvaluator`, 16 points per pass over the tape. Lanes of
/// different shapes, or rules built without a catalog configuration, run one by one (`SingleSweepRun`).
/// A requested `Interruption` cuts every run short within 256 steps; callers check `Interruption` after a
/// run and discard the partial outcomes.
public struct SweepEngine: Sendable {
    public let surface: Surface
    /// The number of configurations.
    public let configurationCount: Int
    /// Builds the optimizer of configuration i (called once per SIMD group and lane where `makeLaneRule` gives no
    /// rule, so a million configurations need not be held at once).
    public let makeOptimizer: @Sendable (Int) -> Optimizer
    /// Builds the lane rule of 16 configurations (by index) at once, without their optimizers, or gives nil when
    /// they are not one shape (they then go through `makeOptimizer`); nil to always build the optimizers.
    public let makeLaneRule: (@Sendable (_ configurations: [Int], _ powers: PowerTable) -> UpdateRule<LaneVec2>?)?
    public let starts: [Vec2]
    /// The noise law (σ, batch); its seed is replaced by each of `seeds`.
    public let noise: GradientNoise
    public let seeds: [UInt64]
    /// Whether runs receive the noise (a racer with `noise: false` does not).
    public let noisy: Bool
    public let steps: Int
    /// A loss level: each outcome reports the first step below it.
    public let threshold: Double
    public let divergence: DivergenceRule

    /// The number of processors this process may run on (looked up once, from its CPU affinity: one system call,
    /// where Foundation's `activeProcessorCount` reads the control group's files, 0.4 ms of a short sweep).
    static let processorCount = Int(optrace_processor_count())

    /// Noise tables larger than this many samples are not precomputed (each ξₜ is drawn when needed).
    static let maximumTabulatedNoise = 1 << 22

    public init(
        surface: Surface, configurations: [Optimizer], starts: [Vec2], noise: GradientNoise, seeds: [UInt64],
        noisy: Bool, steps: Int, threshold: Double, divergence: DivergenceRule = DivergenceRule()
    ) {
        self.init(
            surface: surface, configurationCount: configurations.count, makeOptimizer: { configurations[$0] },
            starts: starts, noise: noise, seeds: seeds, noisy: noisy, steps: steps, threshold: threshold,
            divergence: divergence)
    }

    public init(
        surface: Surface, configurationCount: Int, makeOptimizer: @escaping @Sendable (Int) -> Optimizer,
        makeLaneRule: (@Sendable (_ configurations: [Int], _ powers: PowerTable) -> UpdateRule<LaneVec2>?)? = nil,
        starts: [Vec2], noise: GradientNoise, seeds: [UInt64], noisy: Bool, steps: Int, threshold: Double,
        divergence: DivergenceRule = DivergenceRule()
    ) {
        self.surface = surface
        self.configurationCount = configurationCount
        self.makeOptimizer = makeOptimizer
        self.makeLaneRule = makeLaneRule
        self.starts = starts
        self.noise = noise
        self.seeds = seeds.isEmpty ? [noise.seed] : seeds
        self.noisy = noisy
        self.steps = steps
        self.threshold = threshold
        self.divergence = divergence
    }

    /// Whether any run receives non-zero noise.
    public var hasNoise: Bool { noisy && noise.sigma != .zero }

    /// The outcome of every run, in the order given; `threads` nil uses every core.
    public func run(_ runs: [SweepRun], threads: Int? = nil) -> [RunOutcome] {
        run(count: runs.count, threads: threads) { runs[$0] }
    }

    /// The outcomes of runs `run(0)`, …, `run(count − 1)`, in that order; `threads` nil uses every core.
    public func run(count: Int, threads: Int? = nil, _ run: @Sendable (Int) -> SweepRun) -> [RunOutcome] {
        guard count > 0 else { return [] }
        let width = Lanes.scalarCount
        let groups = (count + width - 1) / width
        let table = NoiseTable(engine: self)
        let powers = PowerTable(steps: steps)
        let workers = Swift.max(1, threads ?? Self.processorCount)
        let chunks = Swift.min(groups, workers == 1 ? 1 : workers * 8)
        // The outcomes are written in place into the result's own storage (each run's slot by one chunk).
        return [RunOutcome](unsafeUninitializedCapacity: count) { output, initialized in
            let slots = OutcomeSlots(base: output.baseAddress!)
            withoutActuallyEscaping(run) { run in
                let body: @Sendable (Int) -> Void = { chunk in
                    let evaluator = SurfaceLaneEvaluator(surface: surface)
                    let first = chunk * groups / chunks, last = (chunk + 1) * groups / chunks
                    for group in first..<last {
                        let lo = group * width, hi = Swift.min(count, lo + width)
                        let outcomes = runGroup((lo..<hi).map(run), evaluator: evaluator, noise: table, powers: powers)
                        for (i, outcome) in outcomes.enumerated() { (slots.base + lo + i).initialize(to: outcome) }
                    }
                }
                if chunks == 1 {
                    body(0)
                } else {
                    DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
                }
            }
            initialized = count
        }
    }

    /// Up to `Lanes.scalarCount` runs in the lanes of one group (missing lanes repeat the first run and are dropped), each
    /// through the one run loop: the lanes' rule on `LaneVec2` when they share a chain. When they do not (momentum 0
    /// beside momentum > 0, a weight decay of 0 in some lanes only), each class of runs that share one steps in lanes of
    /// its own (its missing lanes repeating its first run) and a run that shares its chain with no other runs alone.
    func runGroup(
        _ group: [SweepRun], evaluator: SurfaceLaneEvaluator, noise table: NoiseTable, powers: PowerTable
    ) -> [RunOutcome] {
        let used = group.count
        if Interruption.isRequested {
            // The caller discards an interrupted sweep; the remaining groups only fill their slots.
            let none = RunOutcome(finalPosition: Vec2(.nan, .nan), finalLoss: .nan, lossSum: .nan, firstStepBelow: nil, divergedStep: 0)
            return Array(repeating: none, count: used)
        }
        let bounds = divergence.bounds(surface.domain)
        let all = Array(0..<used)
        if let makeLaneRule, let rule = makeLaneRule(lanes(all).map { group[$0].configuration }, powers) {
            return run(rule, all, of: group, evaluator: evaluator, noise: table, bounds: bounds)
        }
        let optimizers = group.map { makeOptimizer($0.configuration) }
        if let outcomes = runLanes(all, of: group, optimizers, evaluator: evaluator, noise: table, powers: powers, bounds: bounds) {
            return outcomes
        }
        var outcomes = [RunOutcome?](repeating: nil, count: used)
        var remaining = Array(0..<used)
        while let first = remaining.first {
            // The runs whose chain the first one shares (tested pairwise, then as a whole class).
            let members = remaining.filter { j in
                j == first || runLanes([first, j], of: group, optimizers, evaluator: evaluator, noise: table, powers: powers,
                                       bounds: bounds, probeOnly: true) != nil
            }
            if members.count > 1,
               let results = runLanes(members, of: group, optimizers, evaluator: evaluator, noise: table, powers: powers, bounds: bounds) {
                for (k, i) in members.enumerated() { outcomes[i] = results[k] }
                remaining.removeAll { members.contains($0) }
            } else {
                let run = SingleSweepRun(
                    evaluator: SurfaceEvaluator(tape: surface.tape), noise: table, seed: group[first].seed, steps: steps,
                    threshold: threshold, bounds: bounds)
                optimizers[first].rule.run(from: starts[group[first].start], in: run)
                outcomes[first] = run.finish()
                remaining.removeFirst()
            }
        }
        return outcomes.map { $0! }
    }

    /// The outcomes of runs `members` of `group` stepped together in one group of lanes (missing lanes repeat the
    /// first member), in the order of `members`; nil when their configurations do not share one chain. With
    /// `probeOnly`, only whether they do is found out (nothing runs; the answer is empty).
    private func runLanes(
        _ members: [Int], of group: [SweepRun], _ optimizers: [Optimizer], evaluator: SurfaceLaneEvaluator,
        noise table: NoiseTable, powers: PowerTable, bounds: (low: Vec2, high: Vec2), probeOnly: Bool = false
    ) -> [RunOutcome]? {
        let configurations = lanes(members).compactMap { optimizers[$0].configuration }
        guard configurations.count == Lanes.scalarCount,
              let rule: UpdateRule<LaneVec2> = OptimizerConfiguration.rule(for: configurations, powers: powers)
        else { return nil }
        if probeOnly { return [] }
        return run(rule, members, of: group, evaluator: evaluator, noise: table, bounds: bounds)
    }

    /// The runs `members` of `group` in lanes (missing lanes repeat the first member).
    private func lanes(_ members: [Int]) -> [Int] {
        (0..<Lanes.scalarCount).map { members[$0 < members.count ? $0 : 0] }
    }

    /// The outcomes of runs `members` of `group` stepped by `rule` in one group of lanes, in the order of `members`.
    private func run(
        _ rule: UpdateRule<LaneVec2>, _ members: [Int], of group: [SweepRun], evaluator: SurfaceLaneEvaluator,
        noise table: NoiseTable, bounds: (low: Vec2, high: Vec2)
    ) -> [RunOutcome] {
        let lanes = lanes(members)
        let start = LaneVec2(x: Lanes(lanes: { starts[group[lanes[$0]].start].x }), y: Lanes(lanes: { starts[group[lanes[$0]].start].y }))
        let run = LaneGroupRun(
            evaluator: evaluator, noise: table, seeds: lanes.map { group[$0].seed }, steps: steps, threshold: threshold,
            bounds: bounds)
        rule.run(from: start, in: run)
        return Array(run.finish().prefix(members.count))
    }
}

/// ξₜ for every seed of an engine: tabulated when small enough, else drawn on demand.
struct NoiseTable: Sendable {
    let active: Bool
    private let laws: [GradientNoise]
    private let table: [[Vec2]]

    init(engine: SweepEngine) {
        active = engine.hasNoise
        laws = engine.seeds.map { GradientNoise(sigma: engine.noise.sigma, batch: engine.noise.batch, seed: $0) }
        if active && laws.count * engine.steps <= SweepEngine.maximumTabulatedNoise {
            table = laws.map { $0.samples(steps: engine.steps) }
        } else {
            table = []
        }
    }

    /// ξ of update `step` (1-based) for seed index `seed`.
    @inline(__always)
    func sample(seed: Int, step: Int) -> Vec2 {
        table.isEmpty ? laws[seed].sample(step: step) : table[seed][step - 1]
    }
}

/// The output buffer of a sweep, written at distinct indices from concurrent chunks.
private struct OutcomeSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<RunOutcome>
}
