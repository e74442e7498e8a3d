import Testing
@testable import OptraceCore

/// Racer keys for the optimizer zoo in scenario YAML: pair forms, schedules, clipping, what is recorded.
@Suite struct ScenarioOptimizerTests {
    func scenario(_ racers: String, steps: Int = 30) throws -> Scenario {
        try ScenarioLoader.parse(
            yaml: """
                surface:
                  terms: [valley: {curvatures: [1.0, 10.0]}]
                start: [4, 2]
                steps: \(steps)
                noise: {sigma: 0.5, seed: 7}
                racers:
                \(racers)
                """, file: "test.yaml")
    }

    @Test func adamFamilyRecordsTheCanonicalBetas() throws {
        let s = try scenario("""
              - {name: A, optimizer: adam, lr: 0.1, beta1: 0.8}
              - {name: B, optimizer: adam, lr: 0.1, betas: [0.8, 0.999]}
              - {name: C, optimizer: lion, lr: 0.01, beta2: 0.9}
            """)
        #expect(s.racers[0].hyperparameters == s.racers[1].hyperparameters)
        #expect(s.racers[0].hyperparameters["betas"] == .pair(0.8, 0.999) && s.racers[0].hyperparameters["beta1"] == nil)
        #expect(s.racers[2].hyperparameters["betas"] == .pair(0.9, 0.9))
        let result = s.run(concurrent: false)
        #expect(result.trajectories[0].positions == result.trajectories[1].positions)
    }

    @Test func scheduleAndClippingAreRecordedAndApplied() throws {
        let s = try scenario("""
              - {name: Plain, optimizer: sgd, lr: 0.05, momentum: 0.9}
              - {name: Scheduled, optimizer: sgd, lr: 0.05, momentum: 0.9, schedule: {type: cosine, decay_steps: 20}}
              - {name: Clipped, optimizer: sgd, lr: 0.05, momentum: 0.9, clip_norm: 1}
            """)
        // Recorded once, as the racer's schedule and clipping; reports show them among its settings.
        #expect(s.racers[1].hyperparameters["schedule"] == nil && s.racers[2].hyperparameters["clip_norm"] == nil)
        #expect(s.racers[1].schedule?.description == "cosine(decay_steps: 20, alpha: 0)")
        #expect(s.racers[2].clipping == .norm(1))
        #expect(s.racers[1].settings["schedule"] == .text("cosine(decay_steps: 20, alpha: 0)"))
        #expect(s.racers[2].settings["clip_norm"] == .number(1))
        let result = s.run(concurrent: false)
        let plain = result.trajectories[0], scheduled = result.trajectories[1], clipped = result.trajectories[2]
        // update 1 uses η₀ = lr under the cosine, so the first step is the same, later ones are not
        #expect(plain.positions[1] == scheduled.positions[1] && plain.positions[5] != scheduled.positions[5])
        // after decay_steps the cosine reaches 0: the scheduled racer stands still
        #expect(scheduled.positions[21] == scheduled.positions[30])
        // the clipped racer's first step is η·(the gradient scaled to norm 1), and trajectory rows keep the raw gradient
        let g = clipped.gradients[1]
        let norm = (g.x * g.x + g.y * g.y).squareRoot()
        #expect(norm > 1 && g == plain.gradients[1])
        let step = clipped.positions[1] - clipped.positions[0]
        #expect(abs(step.x + 0.05 * g.x / norm) < 1e-15 && abs(step.y + 0.05 * g.y / norm) < 1e-15)
    }

    @Test func scheduleFromYamlMatchesTheCatalogSchedule() throws {
        let s = try scenario("""
              - {name: W, optimizer: adam, lr: 0.1, schedule: {type: warmup_cosine, warmup_steps: 4, decay_steps: 10, alpha: 0.1}}
            """)
        let spec = ScheduleSpec(type: ScheduleCatalog.warmupCosine, given: ["warmup_steps": 4, "decay_steps": 10, "alpha": 0.1])
        let direct = OptimizerCatalog.adam.build(OptimizerCatalog.adam.resolve(["lr": .number(0.1)]), schedule: spec, clipping: nil)
        let gradients = OptimizerGoldenTests.gradients
        #expect(
            s.racers[0].optimizer.trajectory(from: .zero, gradients: gradients) == direct.trajectory(from: .zero, gradients: gradients))
        expectRows(s.racers[0].optimizer.trajectory(from: OptimizerGoldenTests.start, gradients: gradients), ZooReferences.adamWarmupCosine)
    }

    func expectRows(_ a: [Vec2], _ e: [Vec2], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.count == e.count, sourceLocation: sourceLocation)
        for (x, y) in zip(a, e) {
            #expect(abs(x.x - y.x) <= 1e-12 && abs(x.y - y.y) <= 1e-12, sourceLocation: sourceLocation)
        }
    }
}
