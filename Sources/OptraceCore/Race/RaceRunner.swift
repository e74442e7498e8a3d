import Dispatch

/// Runs a race: every racer from the same start, fed the same noise ξₜ at every update t.
///
/// Racers step in lockstep in meaning: update t of every racer uses ξₜ. Because the noise is
/// addressed by step (`GradientNoise.sample(step:)`), each racer draws it as it goes and runs on
/// its own (racers run concurrently); the result is identical whatever the thread count or the
/// racers' order.
///
/// What is kept in memory follows a `TrajectoryRecording` (everything by default); a
/// `TrajectoryCSVStream` receives every step of every racer as it is computed.
///
/// A requested `Interruption` cuts every racer short within 4096 steps; callers check
/// `Interruption` after a run and discard the partial result.
public enum RaceRunner {
    /// Runs `setup` on the surface seen through evaluators from `makeEvaluator`, keeping every step.
    public static func run<E: GradientEvaluator>(
        _ setup: RaceSetup, domain: Domain, minima: [KnownMinimum], makeEvaluator: @Sendable () -> E,
        concurrent: Bool = true
    ) -> RaceResult {
        run(setup, domain: domain, minima: minima, makeEvaluator: makeEvaluator, concurrent: concurrent,
            recording: .full, csv: nil)
    }

    /// Runs `setup`, keeping what `recording` asks for and writing every step to `csv`'s pieces
    /// (the caller commits or aborts `csv` afterwards).
    public static func run<E: GradientEvaluator>(
        _ setup: RaceSetup, domain: Domain, minima: [KnownMinimum], makeEvaluator: @Sendable () -> E,
        concurrent: Bool = true, recording: TrajectoryRecording, csv: TrajectoryCSVStream?
    ) -> RaceResult {
        let count = setup.racers.count
        precondition(csv == nil || csv!.pieceCount == count, "one CSV piece per racer")
        let slots = UnsafeMutableBufferPointer<RacerTrajectory?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        let box = SendableBuffer(slots)
        withoutActuallyEscaping(makeEvaluator) { makeEvaluator in
            let body: @Sendable (Int) -> Void = { i in
                var evaluator = makeEvaluator()
                var recorder = RacerRecorder(recording, setup: setup)
                let status: RacerStatus
                if let csv {
                    var sink = csv.piece(i)
                    status = runRacer(
                        setup.racers[i], setup: setup, domain: domain, evaluator: &evaluator, recorder: &recorder,
                        sink: &sink)
                    sink.finish()
                } else {
                    var sink = DiscardingStepSink()
                    status = runRacer(
                        setup.racers[i], setup: setup, domain: domain, evaluator: &evaluator, recorder: &recorder,
                        sink: &sink)
                }
                box.buffer[i] = recorder.finish(setup.racers[i], status: status)
            }
            if concurrent && count > 1 {
                DispatchQueue.concurrentPerform(iterations: count, execute: body)
            } else {
                for i in 0..<count { body(i) }
            }
        }
        return RaceResult(setup: setup, domain: domain, minima: minima, trajectories: slots.map { $0! })
    }

    /// One racer's whole run, every step kept.
    public static func runRacer<E: GradientEvaluator>(
        _ racer: Racer, setup: RaceSetup, domain: Domain, evaluator: inout E
    ) -> RacerTrajectory {
        var recorder = RacerRecorder(.full, setup: setup)
        var sink = DiscardingStepSink()
        let status = runRacer(racer, setup: setup, domain: domain, evaluator: &evaluator, recorder: &recorder, sink: &sink)
        return recorder.finish(racer, status: status)
    }

    /// One racer's run: every step goes to `recorder` and `sink`; returns how the run ended.
    static func runRacer<E: GradientEvaluator, S: RacerStepSink>(
        _ racer: Racer, setup: RaceSetup, domain: Domain, evaluator: inout E, recorder: inout RacerRecorder,
        sink: inout S
    ) -> RacerStatus {
        let run = RacerRun(racer: racer, setup: setup, domain: domain, evaluator: evaluator, recorder: recorder, sink: sink)
        racer.optimizer.rule.run(from: racer.start(in: setup.start), in: run)
        evaluator = run.evaluator
        recorder = run.recorder
        sink = run.sink
        return run.status
    }
}

/// A buffer written at distinct indices from concurrent iterations.
private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
