import Dispatch

/// Runs a race: every racer from the same start, fed the same noise ξₜ at every update t.
///
/// Racers step in lockstep in meaning: update t of every racer uses ξₜ. Because the noise is
/// addressed by step, each racer's loop runs on its own (racers run concurrently), and the
/// result is identical whatever the thread count or the racers' order.
///
/// A requested `Interruption` cuts every racer short within 65 536 steps; callers check
/// `Interruption` after a run and discard the partial result.
public enum RaceRunner {
    /// Runs `setup` on the surface seen through evaluators from `makeEvaluator`.
    public static func run<E: GradientEvaluator>(
        _ setup: RaceSetup, domain: Domain, minima: [KnownMinimum], makeEvaluator: @Sendable () -> E,
        concurrent: Bool = true
    ) -> RaceResult {
        let noise = setup.noise.samples(steps: setup.steps)
        let count = setup.racers.count
        let slots = UnsafeMutableBufferPointer<RacerTrajectory?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        let box = SendableBuffer(slots)
        withoutActuallyEscaping(makeEvaluator) { makeEvaluator in
            let body: @Sendable (Int) -> Void = { i in
                var evaluator = makeEvaluator()
                box.buffer[i] = runRacer(
                    setup.racers[i], setup: setup, noise: noise, domain: domain, evaluator: &evaluator)
            }
            if concurrent && count > 1 {
                DispatchQueue.concurrentPerform(iterations: count, execute: body)
            } else {
                for i in 0..<count { body(i) }
            }
        }
        return RaceResult(setup: setup, domain: domain, minima: minima, trajectories: slots.map { $0! })
    }

    /// One racer's whole run.
    public static func runRacer<E: GradientEvaluator>(
        _ racer: Racer, setup: RaceSetup, noise: [Vec2], domain: Domain, evaluator: inout E
    ) -> RacerTrajectory {
        let steps = setup.steps
        var positions = [Vec2](); positions.reserveCapacity(steps + 1)
        var losses = [Double](); losses.reserveCapacity(steps + 1)
        var gradients = [Vec2](); gradients.reserveCapacity(steps + 1)
        var applied = [Vec2](); applied.reserveCapacity(steps + 1)
        var theta = setup.start
        var (loss, gradient) = evaluator.valueAndGradient(at: theta)
        positions.append(theta); losses.append(loss); gradients.append(.zero); applied.append(.zero)
        var status = RacerStatus.finished
        if let reason = setup.divergence.reason(position: theta, loss: loss, gradient: gradient, domain: domain) {
            status = .diverged(step: 0, reason: "the start: " + reason)
        } else {
            let stepper = racer.optimizer.makeStepper(params: theta)
            for t in stride(from: 1, through: steps, by: 1) {
                if t & 0xFFFF == 0 && Interruption.isRequested { break }
                let xi = racer.noisy ? noise[t - 1] : .zero
                let g = gradient + xi
                theta = stepper.step(params: theta, gradient: g)
                (loss, gradient) = evaluator.valueAndGradient(at: theta)
                positions.append(theta); losses.append(loss); gradients.append(g); applied.append(xi)
                if let reason = setup.divergence.reason(position: theta, loss: loss, gradient: g, domain: domain) {
                    status = .diverged(step: t, reason: reason)
                    break
                }
            }
        }
        return RacerTrajectory(
            racer: racer, positions: positions, losses: losses, gradients: gradients, noise: applied, status: status)
    }
}

/// A buffer written at distinct indices from concurrent iterations.
private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
