import Foundation
import Testing
@testable import OptraceCore

/// Streamed races: trajectory.csv written while racing equals the in-memory one, and strided records keep what is drawn and scored.
@Suite struct StreamedRaceTests {
    let domain = Domain(x: -5...5, y: -5...5)
    let minima = [KnownMinimum(point: .zero, value: 0)]

    /// Named races: noise on and off, a racer without noise, a diverging racer, names that need quoting.
    var races: [(String, RaceSetup)] {
        let noise = GradientNoise(sigma: Vec2(0.3, 0.2), seed: 7)
        let lineUp = [
            Racer.make("SGD", "sgd", ["lr": 0.05]), Racer.make("Momentum", "momentum", ["lr": 0.02, "beta": 0.9]),
            Racer.make("Adam", "adam", ["lr": 0.1]),
        ]
        return [
            ("noisy", RaceSetup(start: Vec2(4, 2), steps: 300, noise: noise, racers: lineUp, checkpoints: [10, 77, 300], threshold: 0.01)),
            ("quiet", RaceSetup(start: Vec2(4, 2), steps: 250, noise: .none, racers: lineUp, checkpoints: [250], threshold: 0.5)),
            ("diverging", RaceSetup(
                start: Vec2(4, 2), steps: 400, noise: noise,
                racers: [Racer.make("Wild", "sgd", ["lr": 0.35]), Racer.make("Calm, \"plain\"", "sgd", ["lr": 0.05], noisy: false)],
                checkpoints: [3, 50, 399, 400], threshold: 0.02)),
            // Several megabytes: every piece is flushed many times.
            ("long", RaceSetup(start: Vec2(4, 2), steps: 20_000, noise: noise, racers: lineUp, checkpoints: [1, 9_999, 20_000], threshold: 1e-3)),
        ]
    }

    func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "optrace-stream-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func run(_ setup: RaceSetup, recording: TrajectoryRecording = .full, csv: TrajectoryCSVStream? = nil, concurrent: Bool = true) -> RaceResult {
        RaceRunner.run(
            setup, domain: domain, minima: minima, makeEvaluator: { QuadraticEvaluator() }, concurrent: concurrent,
            recording: recording, csv: csv)
    }

    @Test(arguments: [true, false])
    func theStreamedCSVIsTheInMemoryOneByteForByte(concurrent: Bool) throws {
        for (name, setup) in races {
            let expected = TrajectoryCSV.render(run(setup))
            for recording in [TrajectoryRecording.full, TrajectoryRecording(stride: 7), TrajectoryRecording(stride: setup.steps)] {
                let folder = temporaryFolder()
                let csv = try TrajectoryCSVStream(path: folder + "/trajectory.csv", racers: setup.racers)
                _ = run(setup, recording: recording, csv: csv, concurrent: concurrent)
                #expect(csv.length == expected.count, "\(name)")
                try csv.commit()
                let written = try #require(FileManager.default.contents(atPath: folder + "/trajectory.csv"))
                #expect([UInt8](written) == expected, "\(name), stride \(recording.stride), concurrent \(concurrent)")
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["trajectory.csv"], "\(name)")
            }
        }
    }

    @Test func anAbortedStreamLeavesNothingBehind() throws {
        let (_, setup) = races[0]
        let folder = temporaryFolder()
        let csv = try TrajectoryCSVStream(path: folder + "/trajectory.csv", racers: setup.racers)
        // The pieces live on only through their descriptors, even while the race runs.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        _ = run(setup, csv: csv)
        csv.abort()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aStridedRecordKeepsEveryFrameStepAndTheScoreboard() {
        for (name, setup) in races {
            let full = run(setup)
            for (every, stride) in [(21, 7), (10, 10), (35, 5), (1_000_000, setup.steps)] {
                let strided = run(setup, recording: TrajectoryRecording(stride: stride))
                for (f, s) in zip(full.trajectories, strided.trajectories) {
                    #expect(s.stride == stride && s.lastStep == f.lastStep && s.status == f.status, "\(name)")
                    #expect(s.gradients.isEmpty && s.noise.isEmpty)
                    // Every kept point is the full record's point at its step.
                    for i in s.positions.indices {
                        let t = s.step(ofIndex: i)
                        #expect(s.positions[i] == f.positions[t] && s.losses[i].bitPattern == f.losses[t].bitPattern, "\(name) \(t)")
                    }
                    // Frames: multiples of `every` and the last step.
                    let frames = Array(Swift.stride(from: 0, through: f.lastStep, by: every)) + [f.lastStep]
                    for t in frames {
                        let value = s.value(at: t)
                        #expect(value?.position == f.positions[t] && value?.loss.bitPattern == f.losses[t].bitPattern, "\(name) frame \(t)")
                    }
                    #expect(s.positions.count <= setup.steps / stride + 2)
                    #expect(s.firstStep(below: setup.threshold) == f.firstStep(below: setup.threshold), "\(name)")
                }
                let a = full.scoreboard, b = strided.scoreboard
                #expect(a.checkpoints.count == b.checkpoints.count)
                for (x, y) in zip(a.checkpoints, b.checkpoints) {
                    #expect(x.step == y.step)
                    for (e, g) in zip(x.entries, y.entries) {
                        #expect(e.position == g.position && e.loss?.bitPattern == g.loss?.bitPattern && e.rank == g.rank, "\(name) \(x.step)")
                        #expect(e.status == g.status && e.distance == g.distance, "\(name) \(x.step)")
                        #expect(e.firstStepBelowThreshold == g.firstStepBelowThreshold, "\(name) \(x.step)")
                    }
                }
            }
        }
    }

    @Test func theRecordingFollowsTheRaceLengthAndTheFrames() {
        let limit = TrajectoryRecording.fullRecordLimit
        #expect(TrajectoryRecording.forRace(steps: limit, drawingEvery: 1) == .full)
        #expect(TrajectoryRecording.forRace(steps: limit, drawingEvery: nil) == .full)
        #expect(TrajectoryRecording.forRace(steps: limit + 1, drawingEvery: nil).stride == limit + 1)
        // The finest stride dividing --every that keeps at most `limit` points.
        #expect(TrajectoryRecording.forRace(steps: 10_000_000, drawingEvery: 500).stride == 100)
        #expect(TrajectoryRecording.forRace(steps: 10_000_000, drawingEvery: 1000).stride == 100)
        #expect(TrajectoryRecording.forRace(steps: 10_000_000, drawingEvery: 997).stride == 997)
        #expect(TrajectoryRecording.forRace(steps: 200_000, drawingEvery: 20).stride == 2)
        for every in [500, 501, 640, 1000, 4096, 9_999_999] {
            let stride = TrajectoryRecording.forRace(steps: 10_000_000, drawingEvery: every).stride
            #expect(every % stride == 0 && (10_000_000 + stride - 1) / stride <= limit, "\(every)")
        }
    }

    @Test func noiseDrawnByStepIsTheNoiseOfTheWholeRun() {
        let noise = GradientNoise(sigma: Vec2(0.4, 1.5), batch: 3, seed: 2024)
        let all = noise.samples(steps: 5000)
        for t in 1...5000 { #expect(noise.sample(step: t) == all[t - 1]) }
        let setup = races[0].1
        let result = run(setup)
        for trajectory in result.trajectories {
            for t in 1...setup.steps { #expect(trajectory.noise[t] == setup.noise.sample(step: t)) }
        }
    }
}
