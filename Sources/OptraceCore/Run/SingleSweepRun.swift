/// One sweep run on its own as a `SteppedRun`: what `LaneGroupRun` does for a lane, for a rule that cannot share
/// its lanes (a rule built without a catalog configuration, or lanes whose chains differ).
final class SingleSweepRun: SteppedRun {
    typealias Vector = Vec2

    private var evaluator: SurfaceEvaluator
    private let noise: NoiseTable
    private let seed: Int
    private let threshold: Double
    private let low: Vec2, high: Vec2

    private var clock: RunSteps
    private var position = Vec2.zero
    private var loss = 0.0
    private var lossSum = 0.0
    private var below: Int?
    private var divergedStep: Int?

    init(evaluator: SurfaceEvaluator, noise: NoiseTable, seed: Int, steps: Int, threshold: Double, bounds: (low: Vec2, high: Vec2)) {
        self.evaluator = evaluator
        self.noise = noise
        self.seed = seed
        clock = RunSteps(steps: steps, checkInterval: 256)
        self.threshold = threshold
        (low, high) = bounds
    }

    func start(at params: Vec2, gradient next: inout Vec2) -> Bool {
        let (f, gradient) = evaluator.valueAndGradient(at: params)
        (position, loss) = (params, f)
        if f < threshold { below = 0 }
        guard DivergenceRule.passes(params.x, params.y, gradient.x, gradient.y, f, low: low, high: high) else {
            divergedStep = 0
            return false
        }
        return self.next(after: gradient, &next)
    }

    func advance(to params: Vec2, gradient next: inout Vec2) -> Bool {
        // `next` comes in as gₜ, the gradient that led here.
        let g = next
        let (f, gradient) = evaluator.valueAndGradient(at: params)
        (position, loss) = (params, f)
        lossSum += f
        if f < threshold && below == nil { below = clock.t }
        guard DivergenceRule.passes(params.x, params.y, g.x, g.y, f, low: low, high: high) else {
            divergedStep = clock.t
            return false
        }
        return self.next(after: gradient, &next)
    }

    @inline(__always)
    private func next(after gradient: Vec2, _ g: inout Vec2) -> Bool {
        clock.tick()
        guard clock.goesOn else { return false }
        g = gradient + (noise.active ? noise.sample(seed: seed, step: clock.t) : .zero)
        return true
    }

    /// The run's outcome once it has stopped.
    func finish() -> RunOutcome {
        RunOutcome(finalPosition: position, finalLoss: loss, lossSum: lossSum, firstStepBelow: below, divergedStep: divergedStep)
    }
}
