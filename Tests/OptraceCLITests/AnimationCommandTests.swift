import Foundation
import Testing
@testable import OptraceCLI
import OptracePlot

/// `--animation`: the race, the network's boundary and the graph stepper in every format, the same frames in each.
@Suite struct AnimationCommandTests {
    @Test func aRaceWritesEachFormatItIsAskedFor() throws {
        let out = temporaryFolder()
        let run = optrace("race", "--out", out, "--steps", "12", "--quiet", "--no-frames", "--size", "320x240",
                          "--animation", "gif,webp")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(contents(out) == ["loss.png", "race.gif", "race.webp", "scoreboard.json", "summary.png", "trajectory.csv"])
        let gif = try DecodedAnimation.gif(bytes(out + "/race.gif"))
        let webp = try DecodedAnimation.webp(bytes(out + "/race.webp"))
        #expect(gif.frames.count == 13 && webp.frames.count == 13)
        // The WebP's last frame is the drawn one exactly; the GIF's is within its palette's error.
        let apngRun = optrace("race", "--out", out + "/apng", "--steps", "12", "--quiet", "--no-frames", "--size", "320x240")
        #expect(apngRun.code == 0)
        let apng = try APNGComposer(bytes(out + "/apng/race.apng"))
        #expect(webp.frames.last! == apng.frames.last!)
        let worst = zip(gif.frames.last!, apng.frames.last!).map { abs(Int($0) - Int($1)) }.max()!
        #expect(worst < 48)
        // The same bytes on one thread.
        let one = temporaryFolder()
        #expect(optrace("race", "--out", one, "--steps", "12", "--quiet", "--no-frames", "--size", "320x240",
                        "--animation", "gif,webp", "--threads", "1").code == 0)
        #expect(bytes(one + "/race.gif") == bytes(out + "/race.gif"))
        #expect(bytes(one + "/race.webp") == bytes(out + "/race.webp"))
    }

    @Test func noneDrawsNoAnimationButStillTheFrames() throws {
        let out = temporaryFolder()
        let run = optrace("race", "--out", out, "--steps", "5", "--quiet", "--size", "320x240", "--animation", "none")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(contents(out) == ["frames", "loss.png", "scoreboard.json", "summary.png", "trajectory.csv"])
        #expect(contents(out + "/frames").count == 6)
        // A later run with an animation replaces nothing of the user's, and its own earlier files are cleared.
        #expect(optrace("race", "--out", out, "--steps", "5", "--quiet", "--size", "320x240", "--no-frames", "--animation", "gif").code == 0)
        #expect(contents(out) == ["loss.png", "race.gif", "scoreboard.json", "summary.png", "trajectory.csv"])
        #expect(optrace("race", "--out", out, "--steps", "5", "--quiet", "--size", "320x240", "--no-frames").code == 0)
        #expect(contents(out) == ["loss.png", "race.apng", "scoreboard.json", "summary.png", "trajectory.csv"])
    }

    @Test func aBadListIsRefusedInOneLineBeforeAnythingIsWritten() {
        let out = temporaryFolder() + "/race"
        let run = optrace("race", "--out", out, "--animation", "gif,mov")
        #expect(run.code == 2)
        #expect(run.stderr == "optrace: --animation: expected a comma-separated list of apng, gif, mp4, webm, webp, or none; found 'mov' (see 'optrace help')\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func withoutFFmpegAVideoIsRefusedInOneLineNamingThePackage() {
        let out = temporaryFolder() + "/race"
        for arguments in [["race", "--out", out, "--animation", "apng,mp4"], ["grad", "--preset", "A", "--out", out, "--animation", "webm"]] {
            let run = optrace(arguments, environment: ["PATH": "/nonexistent"])
            #expect(run.code == 1)
            let format = arguments.last!.split(separator: ",").last!
            #expect(run.stderr == "optrace: --animation \(format) needs the ffmpeg program, which is not on PATH: install it (apt-get install ffmpeg) or leave mp4 and webm out of --animation\n")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let named = optrace(["race", "--out", out, "--animation", "mp4"], environment: ["OPTRACE_FFMPEG": "/nonexistent/ffmpeg"])
        #expect(named.code == 1 && named.stderr.contains("OPTRACE_FFMPEG=/nonexistent/ffmpeg is not an executable file"))
        // Without a video format, no ffmpeg is needed.
        #expect(optrace(["race", "--out", out, "--steps", "3", "--quiet", "--no-frames", "--animation", "gif"],
                        environment: ["PATH": "/nonexistent"]).code == 0)
    }

    /// An ffmpeg that fails (here a stand-in that refuses its encoder) stops the command in one line with ffmpeg's
    /// own word, and leaves no animation behind, complete or not.
    @Test func aFailingFFmpegIsReportedInOneLineAndLeavesNoAnimation() throws {
        let folder = temporaryFolder()
        let fake = folder + "/ffmpeg"
        try "#!/bin/sh\necho \"Unknown encoder 'libx264'\" >&2\nexit 1\n".write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        let out = folder + "/race"
        let (code, text) = try runExecutable(
            ["race", "--steps", "30", "--size", "320x240", "--no-frames", "--quiet", "--animation", "apng,gif,mp4", "--out", out],
            adding: ["OPTRACE_FFMPEG": fake])
        #expect(code == 1)
        #expect(text.split(separator: "\n").count == 1, "\(text)")
        // ffmpeg stops while frames are piped to it, or, had they all fit in the pipe, at the end.
        #expect(text == "optrace: ffmpeg stopped while writing race.mp4: Unknown encoder 'libx264'\n"
                    || text == "optrace: ffmpeg could not write race.mp4: Unknown encoder 'libx264'\n", "\(text)")
        let left = (FileManager.default.enumerator(atPath: out)?.allObjects as? [String]) ?? []
        #expect(!left.contains { $0.hasPrefix("race.") || $0.hasSuffix(".tmp") }, "left behind: \(left)")
    }

    @Test(.enabled(if: FFmpegVideoWriter.locate() != nil, "ffmpeg is not installed (scripts/install-test-deps installs it)"))
    func aRaceWritesItsVideos() throws {
        let out = temporaryFolder()
        let run = optrace("race", "--out", out, "--steps", "8", "--quiet", "--no-frames", "--size", "321x241", "--fps", "10",
                          "--animation", "apng,mp4,webm")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(contents(out) == ["loss.png", "race.apng", "race.mp4", "race.webm", "scoreboard.json", "summary.png", "trajectory.csv"])
        #expect(bytes(out + "/race.mp4")[4..<8] == Array("ftyp".utf8)[...])
        #expect(bytes(out + "/race.webm")[0..<4] == [0x1A, 0x45, 0xDF, 0xA3][...])
    }

    @Test func theStepperAndTheNetworksBoundaryTakeTheFormatsToo() throws {
        let out = temporaryFolder()
        let grad = optrace("grad", "--preset", "A", "--out", out, "--animation", "apng,gif,webp")
        #expect(grad.code == 0, "\(grad.stderr)")
        #expect(contents(out) == ["graph.png", "stepper.apng", "stepper.gif", "stepper.webp"])
        let stepper = try DecodedAnimation.gif(bytes(out + "/stepper.gif"))
        let apng = try APNGComposer(bytes(out + "/stepper.apng"))
        #expect(stepper.frames.count == apng.frameCount)
        #expect(try DecodedAnimation.webp(bytes(out + "/stepper.webp")).frames == apng.frames)
        #expect(stepper.durations.dropLast().allSatisfy { $0 == 660 || $0 == 670 } && stepper.durations.last == 3000)

        let net = temporaryFolder()
        let race = optrace("race", "xor", "--out", net, "--quiet", "--steps", "40", "--animation", "gif,webp")
        #expect(race.code == 0, "\(race.stderr)")
        #expect(contents(net) == ["boundary.gif", "boundary.png", "boundary.webp", "loss.png", "scoreboard.json", "trajectory.csv"])
        let boundary = try DecodedAnimation.webp(bytes(net + "/boundary.webp"))
        let boundaryGIF = try DecodedAnimation.gif(bytes(net + "/boundary.gif"))
        #expect(boundary.frames.count == 41 && boundaryGIF.frames.count == 41)
    }
}
