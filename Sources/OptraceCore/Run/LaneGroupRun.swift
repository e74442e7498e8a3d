/// A group of sweep runs in SIMD lanes as one `SteppedRun`: f and ∇f for every lane in one pass over the tape,
/// the loss summed, the first step below the level and the divergence rule kept per lane.
///
/// Each lane is exactly a race's racer: the same ξₜ by step, the same arithmetic, the same divergence rule
/// (checked with a vector filter first, lane by lane only when some lane fails it). A lane that diverged keeps
/// being stepped with the others, but its outcome is fixed at the step it diverged.
final class LaneGroupRun: SteppedRun {
    typealias Vector = LaneVec2

    private let evaluator: SurfaceLaneEvaluator
    private let noise: NoiseTable
    /// The seed of every lane, and the one seed when they share it (ξₜ is then broadcast).
    private let seeds: [Int]
    private let sharedSeed: Int?
    private let threshold: Double
    private let low: Vec2, high: Vec2
    private let lowX: Lanes, lowY: Lanes, highX: Lanes, highY: Lanes

    private var clock: RunSteps
    private var position = LaneVec2(x: .zero, y: .zero)
    private var loss = Lanes.zero
    private var lossSum = Lanes.zero
    /// The first step below the threshold per lane (−1: not yet), as doubles: their comparisons are vector
    /// instructions, those of 64-bit integers go lane by lane.
    private var below = Lanes(repeating: -1)
    /// The lanes that still run (bit i: lane i), and the others as a mask.
    private var alive: UInt64 = 0
    private var dead = LaneMask(repeating: false)
    private var outcomes: [RunOutcome?]

    init(
        evaluator: SurfaceLaneEvaluator, noise: NoiseTable, seeds: [Int], steps: Int, threshold: Double,
        bounds: (low: Vec2, high: Vec2)
    ) {
        self.evaluator = evaluator
        self.noise = noise
        self.seeds = seeds
        sharedSeed = seeds.allSatisfy { $0 == seeds[0] } ? seeds[0] : nil
        clock = RunSteps(steps: steps, checkInterval: 256)
        self.threshold = threshold
        (low, high) = bounds
        (lowX, lowY) = (Lanes(repeating: low.x), Lanes(repeating: low.y))
        (highX, highY) = (Lanes(repeating: high.x), Lanes(repeating: high.y))
        outcomes = Array(repeating: nil, count: Lanes.scalarCount)
    }

    func start(at params: LaneVec2, gradient next: inout LaneVec2) -> Bool {
        let (f, gx, gy) = evaluator.valueAndGradient(x: params.x, y: params.y)
        position = params
        loss = f
        for i in 0..<Lanes.scalarCount {
            if f[i] < threshold { below[i] = 0 }
            // The start is checked with the unnoised gradient there, as in a race.
            if DivergenceRule.passes(params.x[i], params.y[i], gx[i], gy[i], f[i], low: low, high: high) {
                alive |= 1 << UInt64(i)
            } else {
                dead[i] = true
                outcomes[i] = outcome(i, divergedStep: 0)
            }
        }
        return alive != 0 && self.next(after: gx, gy, &next)
    }

    func advance(to params: LaneVec2, gradient next: inout LaneVec2) -> Bool {
        // `next` comes in as gₜ, the gradient that led here (the divergence rule looks at it).
        let g = next
        let (f, gx, gy) = evaluator.valueAndGradient(x: params.x, y: params.y)
        position = params
        loss = f
        lossSum += f
        // Lanes newly below the level take this step (branch-free: all lanes at once).
        let newly = (f .< Lanes(repeating: threshold)) & (below .< Lanes.zero)
        below = Lanes.select(newly, Lanes(repeating: Double(clock.t)), below)
        // A vector filter first: every lane that is fine passes it and every lane that is not fails it.
        let clear = (g.x - g.x) + (g.y - g.y) + (f - f)
        let inside = (params.x .>= lowX) & (params.x .<= highX) & (params.y .>= lowY) & (params.y .<= highY)
        if !(((clear .== Lanes.zero) & inside) | dead).allSet {
            for i in 0..<Lanes.scalarCount where alive & (1 << UInt64(i)) != 0 {
                if !DivergenceRule.passes(params.x[i], params.y[i], g.x[i], g.y[i], f[i], low: low, high: high) {
                    outcomes[i] = outcome(i, divergedStep: clock.t)
                    alive &= ~(1 << UInt64(i))
                    dead[i] = true
                }
            }
            if alive == 0 { return false }
        }
        return self.next(after: gx, gy, &next)
    }

    /// Sets `g` to gₜ₊₁ = ∇f(θₜ) + ξₜ₊₁ in every lane; false after the last step or on an interruption.
    @inline(__always)
    private func next(after gx: Lanes, _ gy: Lanes, _ g: inout LaneVec2) -> Bool {
        clock.tick()
        guard clock.goesOn else { return false }
        if !noise.active {
            // As in a race: g = ∇f + 0, which turns −0 into +0.
            g = LaneVec2(x: gx + Lanes.zero, y: gy + Lanes.zero)
        } else if let seed = sharedSeed {
            let xi = noise.sample(seed: seed, step: clock.t)
            g = LaneVec2(x: gx + Lanes(repeating: xi.x), y: gy + Lanes(repeating: xi.y))
        } else {
            var xiX = Lanes.zero, xiY = Lanes.zero
            for i in 0..<Lanes.scalarCount {
                let xi = noise.sample(seed: seeds[i], step: clock.t)
                xiX[i] = xi.x
                xiY[i] = xi.y
            }
            g = LaneVec2(x: gx + xiX, y: gy + xiY)
        }
        return true
    }

    /// Lane i's outcome at the current step.
    private func outcome(_ i: Int, divergedStep: Int?) -> RunOutcome {
        RunOutcome(
            finalPosition: position[lane: i], finalLoss: loss[i], lossSum: lossSum[i],
            firstStepBelow: below[i] < 0 ? nil : Int(below[i]), divergedStep: divergedStep)
    }

    /// Every lane's outcome once the run has stopped: where it diverged, or where it ended.
    func finish() -> [RunOutcome] {
        (0..<Lanes.scalarCount).map { outcomes[$0] ?? outcome($0, divergedStep: nil) }
    }
}
