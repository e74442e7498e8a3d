/// One racer of a race as a `SteppedRun`: every step to the recorder and the sink, the divergence rule's reason
/// when it stops.
final class RacerRun<E: GradientEvaluator, S: RacerStepSink>: SteppedRun {
    typealias Vector = Vec2

    var evaluator: E
    var recorder: RacerRecorder
    var sink: S
    private let noise: GradientNoise
    private let divergence: DivergenceRule
    private let domain: Domain
    private var clock: RunSteps
    /// The noise of the update that led to the current step.
    private var xi = Vec2.zero
    /// How the run ended (finished until it diverges).
    private(set) var status = RacerStatus.finished

    init(racer: Racer, setup: RaceSetup, domain: Domain, evaluator: E, recorder: RacerRecorder, sink: S) {
        self.evaluator = evaluator
        self.recorder = recorder
        self.sink = sink
        noise = racer.noisy ? setup.noise : .none
        divergence = setup.divergence
        self.domain = domain
        clock = RunSteps(steps: setup.steps, checkInterval: 4096)
    }

    func start(at params: Vec2, gradient next: inout Vec2) -> Bool {
        let (loss, gradient) = evaluator.valueAndGradient(at: params)
        recorder.record(0, position: params, loss: loss, gradient: .zero, noise: .zero)
        sink.record(0, position: params, loss: loss, gradient: .zero, noise: .zero)
        if let reason = divergence.reason(position: params, loss: loss, gradient: gradient, domain: domain) {
            status = .diverged(step: 0, reason: "the start: " + reason)
            return false
        }
        return self.next(after: gradient, &next)
    }

    func advance(to params: Vec2, gradient next: inout Vec2) -> Bool {
        // `next` comes in as gₜ, the gradient that led here.
        let g = next
        let (loss, gradient) = evaluator.valueAndGradient(at: params)
        recorder.record(clock.t, position: params, loss: loss, gradient: g, noise: xi)
        sink.record(clock.t, position: params, loss: loss, gradient: g, noise: xi)
        if let reason = divergence.reason(position: params, loss: loss, gradient: g, domain: domain) {
            status = .diverged(step: clock.t, reason: reason)
            return false
        }
        return self.next(after: gradient, &next)
    }

    /// Sets `g` to gₜ₊₁ = ∇f(θₜ) + ξₜ₊₁ (ξ = 0 without noise, which turns −0 into +0); false after the last step
    /// or on a stop.
    @inline(__always)
    private func next(after gradient: Vec2, _ g: inout Vec2) -> Bool {
        clock.tick()
        guard clock.goesOn, !(clock.atCheck && sink.failed) else { return false }
        xi = noise.sample(step: clock.t)
        g = gradient + xi
        return true
    }
}
