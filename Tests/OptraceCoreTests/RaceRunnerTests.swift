import Testing
@testable import OptraceCore

@Suite struct RaceRunnerTests {
    let domain = Domain(x: -5...5, y: -5...5)
    let minima = [KnownMinimum(point: .zero, value: 0)]

    func setup(_ racers: [Racer], steps: Int = 60, sigma: Double = 0.3) -> RaceSetup {
        RaceSetup(
            start: Vec2(4, 2), steps: steps, noise: GradientNoise(sigma: Vec2(sigma, sigma), seed: 99), racers: racers,
            checkpoints: [10, steps], threshold: 0.01)
    }

    func run(_ setup: RaceSetup, concurrent: Bool = true) -> RaceResult {
        RaceRunner.run(setup, domain: domain, minima: minima, makeEvaluator: { QuadraticEvaluator() }, concurrent: concurrent)
    }

    @Test func everyRacerGetsTheSameNoiseWhateverTheLineUp() {
        let sgd = Racer.make("SGD", "sgd", ["lr": 0.05])
        let mom = Racer.make("Momentum", "momentum", ["lr": 0.02, "beta": 0.9])
        let adam = Racer.make("Adam", "adam", ["lr": 0.1])
        let three = run(setup([sgd, mom, adam]))
        let two = run(setup([adam, sgd]))
        #expect(three.trajectories[2].positions == two.trajectories[0].positions)
        #expect(three.trajectories[0].positions == two.trajectories[1].positions)
        for trajectory in three.trajectories {
            #expect(trajectory.noise == three.trajectories[0].noise)
        }
    }

    @Test func threadsDoNotChangeTheResult() {
        let racers = (0..<6).map { Racer.make("R\($0)", "momentum", ["lr": 0.01 * Double($0 + 1), "beta": 0.8]) }
        let a = run(setup(racers), concurrent: true)
        let b = run(setup(racers), concurrent: false)
        for (x, y) in zip(a.trajectories, b.trajectories) {
            #expect(x.positions == y.positions && x.losses == y.losses && x.gradients == y.gradients)
        }
    }

    @Test func rowsFollowTheDocumentedMeaning() {
        let lr = 0.05
        let result = run(setup([Racer.make("SGD", "sgd", ["lr": lr])], steps: 20))
        let tr = result.trajectories[0]
        var evaluator = QuadraticEvaluator()
        #expect(tr.positions[0] == Vec2(4, 2) && tr.gradients[0] == .zero && tr.noise[0] == .zero)
        for t in 1...20 {
            let xi = GradientNoise(sigma: Vec2(0.3, 0.3), seed: 99).sample(step: t)
            let g = evaluator.valueAndGradient(at: tr.positions[t - 1]).gradient + xi
            #expect(tr.noise[t] == xi)
            #expect(tr.gradients[t] == g)
            #expect(tr.positions[t] == tr.positions[t - 1] + (-lr) * g)
            #expect(tr.losses[t] == evaluator.value(at: tr.positions[t]))
        }
    }

    @Test func aDivergingRacerStopsAndTheOthersGoOn() {
        // On curvature 10, SGD is stable only for lr < 0.2.
        let result = run(setup([Racer.make("Wild", "sgd", ["lr": 0.35]), Racer.make("Calm", "sgd", ["lr": 0.05])], steps: 400))
        let wild = result.trajectories[0], calm = result.trajectories[1]
        guard case .diverged(let step, let reason) = wild.status else {
            Issue.record("expected divergence, got \(wild.status)")
            return
        }
        #expect(step > 1 && step < 400)
        #expect(reason.contains("domain widths"))
        #expect(wild.lastStep == step)
        #expect(calm.status == .finished && calm.lastStep == 400)
        let board = result.scoreboard.checkpoints.last!
        #expect(board.entries[0].loss == nil && board.entries[0].rank == nil)
        #expect(board.entries[0].status == "diverged at step \(step)")
        #expect(board.entries[1].rank == 1)
    }

    @Test func nonFiniteValuesAreDivergence() {
        struct Cliff: GradientEvaluator {
            mutating func valueAndGradient(at p: Vec2) -> (value: Double, gradient: Vec2) {
                p.x < 1 ? (.nan, Vec2(.nan, 0)) : (p.x, Vec2(1, 0))
            }
            mutating func value(at p: Vec2) -> Double { p.x < 1 ? .nan : p.x }
        }
        let s = RaceSetup(
            start: Vec2(3, 0), steps: 10, noise: .none, racers: [Racer.make("SGD", "sgd", ["lr": 1])],
            checkpoints: [10], threshold: 0)
        let result = RaceRunner.run(s, domain: domain, minima: [], makeEvaluator: { Cliff() })
        #expect(result.trajectories[0].status == .diverged(step: 3, reason: "loss is NaN at (0, 0) (undefined there, e.g. log or sqrt of a negative number)"))
        #expect(result.scoreboard.checkpoints[0].entries[0].position == Vec2(1, 0))
    }

    @Test func scoreboardRanksByLossAndMeasuresDistance() {
        let result = run(setup([Racer.make("Slow", "sgd", ["lr": 0.001]), Racer.make("Fast", "sgd", ["lr": 0.09])], sigma: 0))
        let final = result.scoreboard.checkpoints.last!
        #expect(final.entries.map(\.rank) == [2, 1])
        let p = final.entries[1].position
        #expect(abs(final.entries[1].distance! - (p.x * p.x + p.y * p.y).squareRoot()) < 1e-15)
        #expect(final.entries[1].firstStepBelowThreshold != nil)
        #expect(final.entries[0].firstStepBelowThreshold == nil)
    }

    @Test func aRacerCanOptOutOfTheNoise() {
        let result = run(setup([Racer.make("Noisy", "sgd", ["lr": 0.05]), Racer.make("Clean", "sgd", ["lr": 0.05], noisy: false)]))
        #expect(result.trajectories[1].noise.allSatisfy { $0 == .zero })
        #expect(result.trajectories[0].noise[1] != .zero)
    }
}
