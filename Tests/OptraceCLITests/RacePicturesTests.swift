import Foundation
import Testing
@testable import OptraceCLI
@testable import OptracePlot
import OptraceTestSupport

/// What `optrace race` draws: frames, race.apng, summary.png, loss.png; exact and deterministic.
@Suite struct RacePicturesTests {
    @Test func theAnimationComposesToExactlyTheFrames() throws {
        let out = temporaryFolder()
        let run = optrace("race", "--out", out, "--steps", "40", "--quiet", "--size", "400x300")
        #expect(run.code == 0, "\(run.stderr)")
        let frames = contents(out + "/frames")
        #expect(frames == (0...40).map { String(format: "frame_%04d.png", $0) })
        let apng = try APNGComposer(bytes(out + "/race.apng"))
        #expect(apng.width == 400 && apng.height == 300)
        #expect(apng.frameCount == 41 && apng.plays == 0)
        #expect(apng.delays.dropLast().allSatisfy { abs($0 - 1.0 / 30) < 1e-3 })
        #expect(apng.delays.last! >= 2)
        for (k, name) in frames.enumerated() {
            let frame = try PNGDecoder.decodeStraight(bytes(out + "/frames/" + name))
            #expect(frame.width == 400 && frame.height == 300)
            #expect(apng.frames[k] == frame.rgba, "frame \(k) differs")
        }
        let summary = try PNGDecoder.decodeStraight(bytes(out + "/summary.png"))
        #expect(summary.width == 400 && summary.height == 300)
        let loss = try PNGDecoder.decodeStraight(bytes(out + "/loss.png"))
        #expect(loss.width == 400)
    }

    @Test func laterFramesStoreOnlyWhatChanged() throws {
        let out = temporaryFolder()
        #expect(optrace("race", "--out", out, "--steps", "30", "--quiet", "--no-frames").code == 0)
        let apng = bytes(out + "/race.apng")
        let full = try PNGEncoder(options: .apngKeyframe).encode(PNGDecoder.decode(bytes(out + "/summary.png")))
        // 31 frames cost far less than 31 full frames.
        #expect(apng.count < full.count * 6)
    }

    @Test func sameSeedGivesTheSameBytesWithOneThreadOrMany() {
        let a = temporaryFolder(), b = temporaryFolder()
        #expect(optrace("race", "--out", a, "--steps", "25", "--quiet", "--threads", "1").code == 0)
        #expect(optrace("race", "--out", b, "--steps", "25", "--quiet", "--threads", "4").code == 0)
        let files = ["trajectory.csv", "scoreboard.json", "race.apng", "summary.png", "loss.png"]
            + contents(a + "/frames").map { "frames/" + $0 }
        #expect(files.count == 5 + 26)
        for file in files {
            #expect(bytes("\(a)/\(file)") == bytes("\(b)/\(file)"), "\(file) differs")
            #expect(!bytes("\(a)/\(file)").isEmpty)
        }
    }

    @Test func noFramesAndNoRender() {
        let a = temporaryFolder()
        #expect(optrace("race", "--out", a, "--steps", "10", "--quiet", "--no-frames").code == 0)
        #expect(contents(a) == ["loss.png", "race.apng", "scoreboard.json", "summary.png", "trajectory.csv"])
        let b = temporaryFolder()
        #expect(optrace("race", "--out", b, "--steps", "10", "--quiet", "--no-render").code == 0)
        #expect(contents(b) == ["scoreboard.json", "trajectory.csv"])
    }

    @Test func everyKthStepAndAlwaysTheLast() {
        let out = temporaryFolder()
        #expect(optrace("race", "--out", out, "--steps", "45", "--every", "10", "--quiet").code == 0)
        #expect(contents(out + "/frames").count == 6)
    }

    @Test func aDivergingRacerIsDrawnAndReported() throws {
        let yaml = ValleyScenario.yaml(
            name: "blowup", steps: 60, racers: ["{name: Calm, optimizer: sgd, lr: 0.5}", "{name: Wild, optimizer: sgd, lr: 2.5}"])
        let out = temporaryFolder()
        let run = optrace("race", scenarioFile(yaml), "--out", out, "--size", "400x300")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("diverged at step"))
        #expect(contents(out + "/frames").count == 61)
        #expect(try APNGComposer(bytes(out + "/race.apng")).frameCount == 61)
    }

    @Test func badPictureOptions() {
        #expect(optrace("race", "--size", "10x10").code == 2)
        #expect(optrace("race", "--size", "big").code == 2)
        #expect(optrace("race", "--every", "0").code == 2)
        #expect(optrace("race", "--scale", "100").code == 2)
        let colormap = optrace("race", "--colormap", "virdis")
        #expect(colormap.code == 2 && colormap.stderr.contains("did you mean 'viridis'?"))
        let frames = optrace("race", "--steps", "100000", "--every", "2", "--out", temporaryFolder() + "/x")
        #expect(frames.code == 2 && frames.stderr.contains("frame limit") && frames.stderr.contains("--every 6 or more"))
    }

    @Test func aLongRaceIsDrawnAtAStrideThatFitsTheFrameLimit() throws {
        #expect(try RaceCommand.frameStride(steps: 200, every: nil) == 1)
        #expect(try RaceCommand.frameStride(steps: 19_999, every: nil) == 1)
        #expect(try RaceCommand.frameStride(steps: 20_000, every: nil) == 2)
        for steps in [30_000, 100_000, 10_000_000] {
            let stride = try RaceCommand.frameStride(steps: steps, every: nil)
            #expect(RaceCommand.frameCount(steps: steps, every: stride) <= RaceCommand.maximumFrames)
            #expect(RaceCommand.frameCount(steps: steps, every: stride - 1) > RaceCommand.maximumFrames, "\(steps): \(stride) is not the smallest")
        }
        #expect(try RaceCommand.frameStride(steps: 30_000, every: 3) == 3)
        #expect(throws: CLIError.self) { try RaceCommand.frameStride(steps: 30_000, every: 1) }
    }
}
