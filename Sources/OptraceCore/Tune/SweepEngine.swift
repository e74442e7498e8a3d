import Dispatch
import Foundation

/// Runs many optimizer configurations, starts and noise seeds on one surface, eight runs per SIMD group, on all cores.
///
/// Each run is exactly what `RaceRunner` does for one racer (same noise ξₜ by step, same update
/// arithmetic, same divergence rule), so every outcome is bit-identical to running that configuration
/// alone in a race; runs are independent, so results do not depend on the number of threads. Eight
/// configurations of one shape step at once, the rule's own transformations run on `LaneVec2` (each lane
/// with its hyperparameters); lanes of different shapes (or rules built without a catalog configuration)
/// step one by one through the same transformations on `Vec2`. f and ∇f come from `SurfaceLaneEvaluator`, eight points per pass over the tape.
/// A requested `Interruption` cuts every run short within 256 steps; callers check `Interruption` after a
/// run and discard the partial outcomes.
public struct SweepEngine: Sendable {
    public let surface: Surface
    /// The number of configurations.
    public let configurationCount: Int
    /// Builds the optimizer of configuration i (called once per SIMD group and lane, so a million
    /// configurations need not be held at once).
    public let makeOptimizer: @Sendable (Int) -> Optimizer
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
        starts: [Vec2], noise: GradientNoise, seeds: [UInt64], noisy: Bool, steps: Int, threshold: Double,
        divergence: DivergenceRule = DivergenceRule()
    ) {
        self.surface = surface
        self.configurationCount = configurationCount
        self.makeOptimizer = makeOptimizer
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
        let workers = Swift.max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let chunks = Swift.min(groups, workers == 1 ? 1 : workers * 8)
        let output = UnsafeMutableBufferPointer<RunOutcome>.allocate(capacity: count)
        defer { output.deallocate() }
        let slots = OutcomeSlots(base: output.baseAddress!)
        withoutActuallyEscaping(run) { run in
            let body: @Sendable (Int) -> Void = { chunk in
                let evaluator = SurfaceLaneEvaluator(surface: surface)
                let first = chunk * groups / chunks, last = (chunk + 1) * groups / chunks
                for group in first..<last {
                    let lo = group * width, hi = Swift.min(count, lo + width)
                    let outcomes = runGroup((lo..<hi).map(run), evaluator: evaluator, noise: table)
                    for (i, outcome) in outcomes.enumerated() { (slots.base + lo + i).initialize(to: outcome) }
                }
            }
            if chunks == 1 {
                body(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
            }
        }
        let result = Array(output)
        output.baseAddress!.deinitialize(count: count)
        return result
    }

    /// Up to eight runs in the lanes of one SIMD group (missing lanes repeat the first run and are dropped).
    func runGroup(_ group: [SweepRun], evaluator: SurfaceLaneEvaluator, noise table: NoiseTable) -> [RunOutcome] {
        let width = Lanes.scalarCount
        let used = group.count
        if Interruption.isRequested {
            // The caller discards an interrupted sweep; the remaining groups only fill their slots.
            let none = RunOutcome(finalPosition: Vec2(.nan, .nan), finalLoss: .nan, lossSum: .nan, firstStepBelow: nil, divergedStep: 0)
            return Array(repeating: none, count: used)
        }
        let lanes = (0..<width).map { group[$0 < used ? $0 : 0] }
        var x = Lanes(repeating: 0), y = Lanes(repeating: 0)
        for i in 0..<width {
            x[i] = starts[lanes[i].start].x
            y[i] = starts[lanes[i].start].y
        }
        let optimizers = lanes.map { makeOptimizer($0.configuration) }
        let configurations = optimizers.compactMap(\.configuration)
        let laneRule: UpdateRule<LaneVec2>? = configurations.count == width ? OptimizerConfiguration.rule(for: configurations) : nil
        let fast = laneRule?.makeStepper(params: LaneVec2(x: x, y: y))
        let steppers = fast == nil ? (0..<width).map { optimizers[$0].makeStepper(params: Vec2(x[$0], y[$0])) } : []

        let (low, high) = divergence.bounds(surface.domain)
        let threshold = self.threshold

        var (loss, gradX, gradY) = evaluator.valueAndGradient(x: x, y: y)
        var outcomes = (0..<width).map { i in
            RunOutcome(finalPosition: Vec2(x[i], y[i]), finalLoss: loss[i], lossSum: 0, firstStepBelow: nil, divergedStep: nil)
        }
        var lossSum = Lanes(repeating: 0)
        // The first step below the threshold per lane (−1: not yet), and which lanes still run (bit i: lane i).
        var below = Lanes.MaskStorage(repeating: -1)
        var alive: UInt64 = 0
        for i in 0..<width {
            if loss[i] < threshold { below[i] = 0 }
            // The start is checked with the unnoised gradient there, as in a race.
            if DivergenceRule.passes(x[i], y[i], gradX[i], gradY[i], loss[i], low: low, high: high) {
                alive |= 1 << UInt64(i)
            } else {
                outcomes[i].divergedStep = 0
            }
        }

        let noisy = table.active
        // Lanes that share one seed (a sweep's groups, a start map) get ξₜ broadcast, not written lane by lane.
        let sharedSeed = lanes.allSatisfy { $0.seed == lanes[0].seed } ? lanes[0].seed : nil
        let zero = Lanes(repeating: 0)
        let (lowX, lowY) = (Lanes(repeating: low.x), Lanes(repeating: low.y))
        let (highX, highY) = (Lanes(repeating: high.x), Lanes(repeating: high.y))
        let tracksLevel = threshold > -Double.infinity
        var dead = SIMDMask<Lanes.MaskStorage>(repeating: false)
        for i in 0..<width where alive & (1 << UInt64(i)) == 0 { dead[i] = true }
        var t = 1
        while t <= steps && alive != 0 {
            if t & 0xFF == 0 && Interruption.isRequested { break }
            var xiX = zero, xiY = zero
            if noisy, let seed = sharedSeed {
                let xi = table.sample(seed: seed, step: t)
                xiX = Lanes(repeating: xi.x)
                xiY = Lanes(repeating: xi.y)
            } else if noisy {
                for i in 0..<width {
                    let xi = table.sample(seed: lanes[i].seed, step: t)
                    xiX[i] = xi.x
                    xiY[i] = xi.y
                }
            }
            // As in a race: g = ∇f + ξ, with ξ = 0 without noise (which turns −0 into +0).
            let gx = gradX + xiX, gy = gradY + xiY
            if let fast {
                let next = fast.step(params: LaneVec2(x: x, y: y), gradient: LaneVec2(x: gx, y: gy))
                x = next.x
                y = next.y
            } else {
                for i in 0..<width where alive & (1 << UInt64(i)) != 0 {
                    let next = steppers[i].step(params: Vec2(x[i], y[i]), gradient: Vec2(gx[i], gy[i]))
                    x[i] = next.x
                    y[i] = next.y
                }
            }
            (loss, gradX, gradY) = evaluator.valueAndGradient(x: x, y: y)
            lossSum += loss
            if tracksLevel {
                for lane in 0..<width where loss[lane] < threshold && below[lane] < 0 { below[lane] = Int64(t) }
            }
            // A vector filter first: every lane that is fine passes it and every lane that is not fails it.
            let clear = (gx - gx) + (gy - gy) + (loss - loss)
            let ok = (clear .== zero) .& (x .>= lowX) .& (x .<= highX) .& (y .>= lowY) .& (y .<= highY)
            if !all(ok .| dead) {
                for lane in 0..<width where alive & (1 << UInt64(lane)) != 0 {
                    let l = loss[lane]
                    if !DivergenceRule.passes(x[lane], y[lane], gx[lane], gy[lane], l, low: low, high: high) {
                        outcomes[lane] = RunOutcome(
                            finalPosition: Vec2(x[lane], y[lane]), finalLoss: l, lossSum: lossSum[lane],
                            firstStepBelow: below[lane] < 0 ? nil : Int(below[lane]), divergedStep: t)
                        alive &= ~(1 << UInt64(lane))
                        dead[lane] = true
                    }
                }
            }
            t += 1
        }
        for i in 0..<width where alive & (1 << UInt64(i)) != 0 {
            outcomes[i] = RunOutcome(
                finalPosition: Vec2(x[i], y[i]), finalLoss: loss[i], lossSum: lossSum[i],
                firstStepBelow: below[i] < 0 ? nil : Int(below[i]), divergedStep: nil)
        }
        return Array(outcomes.prefix(used))
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
