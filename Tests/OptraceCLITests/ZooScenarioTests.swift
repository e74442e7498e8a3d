import Testing
@testable import OptraceCLI
@testable import OptraceCore

/// The optimizer-zoo scenarios tell the stories their descriptions tell.
@Suite struct ZooScenarioTests {
    func race(_ name: String) throws -> [String: RacerTrajectory] {
        let scenario = try #require(try ScenarioLocator.builtin(name))
        let result = scenario.run()
        return Dictionary(uniqueKeysWithValues: result.trajectories.map { ($0.racer.name, $0) })
    }

    @Test func nesterovDampsWhatTheHeavyBallRings() throws {
        let r = try race("nesterov-vs-heavy-ball")
        let nesterov = try #require(r["Nesterov"]), heavy = try #require(r["Heavy ball"]), sgd = try #require(r["SGD"])
        #expect(nesterov.losses[10] < 1 && heavy.losses[10] > 50 && sgd.losses[10] > 10)
        #expect(nesterov.firstStep(below: 0.01) == 25 && heavy.firstStep(below: 0.01) == 74 && sgd.firstStep(below: 0.01) == nil)
    }

    @Test func warmupAvoidsTheEarlyBlowUp() throws {
        let r = try race("warmup-cosine")
        let big = try #require(r["Constant 0.15"]), small = try #require(r["Constant 0.01"]), warm = try #require(r["Warm-up + cosine"])
        #expect(big.status.divergedAtStep == 2)
        #expect(!small.status.isDiverged && !warm.status.isDiverged)
        #expect(warm.losses[50] < 0.05 && small.losses[50] > 1)
        #expect(warm.losses[200] < 0.001 && small.losses[200] > 0.05)
    }

    @Test func clippingSurvivesTheCliff() throws {
        let r = try race("clipping")
        let plain = try #require(r["SGD"])
        #expect(plain.status.divergedAtStep == 78)
        #expect(abs(plain.gradients[78].x - 20000) < 1)
        for name in ["SGD clip_norm 2", "SGD clip_value 2"] {
            let clipped = try #require(r[name])
            #expect(!clipped.status.isDiverged && clipped.losses[300] < 0.01, "\(name)")
            // the raw gradient at the wall is what trajectory.csv records
            #expect(clipped.gradients.contains { abs($0.x) > 10000 }, "\(name)")
        }
    }

    @Test func adaptiveZooOnRosenbrock() throws {
        let r = try race("adaptive-zoo")
        #expect(r.count == 10)
        #expect(r["RAdam"]?.status.divergedAtStep == 2)
        #expect(r["RAdam clipped"]?.status.isDiverged == false)
        let finals = r.filter { !$0.value.status.isDiverged }.mapValues { $0.losses[1500] }
        #expect(finals.min { $0.value < $1.value }?.key == "Adam")
        #expect(finals.max { $0.value < $1.value }?.key == "Adagrad")
        let lion = try #require(r["Lion"])
        // every Lion step moves each coordinate by exactly ±η (λ = 0)
        let steps = zip(lion.positions.dropFirst(), lion.positions).map { $0 - $1 }
        #expect(steps.allSatisfy { abs(abs($0.x) - 0.005) < 1e-12 && abs(abs($0.y) - 0.005) < 1e-12 })
    }
}
