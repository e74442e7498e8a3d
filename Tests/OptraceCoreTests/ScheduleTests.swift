import Testing
@testable import OptraceCore

/// Learning-rate schedules (update count s from 0) against optax's definitions, and `Schedule.join`.
@Suite struct ScheduleTests {
    typealias R = ZooReferences

    func expectValues(_ schedule: Schedule, _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        for (s, e) in expected.enumerated() {
            let v = schedule(s)
            #expect(abs(v - e) <= 1e-15 * max(1, abs(e)), "s = \(s): \(v) vs \(e)", sourceLocation: sourceLocation)
        }
    }

    @Test func constant() {
        expectValues(.constant(0.3), Array(repeating: 0.3, count: 12))
        expectValues(ScheduleSpec(type: ScheduleCatalog.constant, given: [:]).schedule(peak: 0.3), Array(repeating: 0.3, count: 12))
    }

    @Test func stepDecay() {
        expectValues(.stepDecay(0.1, stepSize: 3, gamma: 0.5), R.stepDecayValues)
        #expect(Schedule.stepDecay(0.1, stepSize: 3, gamma: 0.5)(0) == 0.1)
        #expect(Schedule.stepDecay(0.1, stepSize: 3, gamma: 0.5)(3) == 0.05)
    }

    @Test func exponential() {
        expectValues(.exponential(0.1, gamma: 0.9), R.exponentialValues)
    }

    @Test func cosineHoldsItsFloorAfterDecaySteps() {
        expectValues(.cosineDecay(0.1, decaySteps: 8, alpha: 0.2), R.cosineValues)
        #expect(abs(Schedule.cosineDecay(0.1, decaySteps: 8, alpha: 0.2)(1000) - 0.02) < 1e-17)
    }

    @Test func linearWarmup() {
        expectValues(.linear(from: 0.01, to: 0.1, steps: 5), R.linearWarmupValues)
        #expect(Schedule.linear(from: 0.01, to: 0.1, steps: 0)(0) == 0.1)
    }

    @Test func warmupCosineIsAJoin() {
        let spec = ScheduleSpec(type: ScheduleCatalog.warmupCosine, given: ["warmup_steps": 4, "decay_steps": 10, "alpha": 0.1])
        expectValues(spec.schedule(peak: 0.1), R.warmupCosineValues)
        expectValues(.warmupCosine(peak: 0.1, warmupSteps: 4, decaySteps: 10, alpha: 0.1), R.warmupCosineValues)
        #expect(spec.description == "warmup_cosine(warmup_steps: 4, decay_steps: 10, alpha: 0.1, init_value: 0)")
    }

    @Test func joinRestartsEachScheduleAtItsBoundary() {
        let joined = Schedule.join([.constant(1), Schedule { Double($0) }, .exponential(8, gamma: 0.5)], boundaries: [2, 5])
        expectValues(joined, [1, 1, 0, 1, 2, 8, 4, 2, 1])
    }

    @Test func inverseTimeDecay() {
        expectValues(Schedule.constant(0.1).inverseTimeDecayed(0.5), [0.1, 0.1 / 1.5, 0.1 / 2, 0.1 / 2.5])
    }

    @Test func scheduleSpecsFromTheCatalog() {
        let step = ScheduleSpec(type: ScheduleCatalog.step, given: ["step_size": 3, "gamma": 0.5])
        expectValues(step.schedule(peak: 0.1), R.stepDecayValues)
        let cosine = ScheduleSpec(type: ScheduleCatalog.cosine, given: ["decay_steps": 8, "alpha": 0.2])
        expectValues(cosine.schedule(peak: 0.1), R.cosineValues)
        let warmup = ScheduleSpec(type: ScheduleCatalog.linearWarmup, given: ["warmup_steps": 5, "init_value": 0.01])
        expectValues(warmup.schedule(peak: 0.1), R.linearWarmupValues)
        #expect(ScheduleCatalog.warmupCosine.conflict(["warmup_steps": 10, "decay_steps": 10, "alpha": 0, "init_value": 0]) != nil)
    }
}
