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
    private let steps: Int
    /// The step being evaluated next, and the noise of the update that leads to it.
    private var t = 0
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
        steps = setup.steps
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
        recorder.record(t, position: params, loss: loss, gradient: g, noise: xi)
        sink.record(t, position: params, loss: loss, gradient: g, noise: xi)
        if let reason = divergence.reason(position: params, loss: loss, gradient: g, domain: domain) {
            status = .diverged(step: t, reason: reason)
            return false
        }
        return self.next(after: gradient, &next)
    }

    /// Sets `g` to gₜ₊₁ = ∇f(θₜ) + ξₜ₊₁ (ξ = 0 without noise, which turns −0 into +0); false after the last step
    /// or on a stop.
    @inline(__always)
    private func next(after gradient: Vec2, _ g: inout Vec2) -> Bool {
        t += 1
        guard t <= steps else { return false }
        if t & 0xFFF == 0 && (Interruption.isRequested || sink.failed) { return false }
        xi = noise.sample(step: t)
        g = gradient + xi
        return true
    }
}
