import Foundation
import Testing
@testable import OptracePlot

/// SIGINT/SIGTERM during a long render stops within a second and leaves complete files only.
@Suite struct InterruptTests {
    func interruptMidway(signal: Int32) throws {
        let out = temporaryFolder() + "/run"
        let ran = try interruptedRun(["race", "rosenbrock", "--out", out, "--size", "400x300", "--quiet"], signal: signal) {
            contents(out + "/frames").count >= 30
        }
        guard ran else { return }

        // Everything left behind is complete: no temporary files, every frame decodes, no half APNG.
        let all = (FileManager.default.enumerator(atPath: out)?.allObjects as? [String]) ?? []
        #expect(!all.contains { $0.hasSuffix(".tmp") }, "temporary files left: \(all)")
        let frames = contents(out + "/frames")
        #expect(frames.count >= 30 && frames.count < 1501)
        for name in frames {
            let data = [UInt8](FileManager.default.contents(atPath: out + "/frames/" + name)!)
            let image = try PNGDecoder.decodeStraight(data)
            #expect(image.width == 400 && image.height == 300)
        }
        #expect(contents(out).contains("trajectory.csv") && contents(out).contains("scoreboard.json"))
        #expect(!contents(out).contains("race.apng"))
        let csv = try String(contentsOfFile: out + "/trajectory.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 3 * 1501)
    }

    @Test func sigintStopsARenderWithinASecond() throws {
        try interruptMidway(signal: SIGINT)
    }

    @Test func sigtermStopsARenderWithinASecond() throws {
        try interruptMidway(signal: SIGTERM)
    }

    @Test(.enabled(if: FFmpegVideoWriter.locate() != nil, "ffmpeg is not installed (scripts/install-test-deps installs it)"))
    func sigintStopsARenderWithEveryFormatAndFFmpegLeavesNothing() throws {
        let out = temporaryFolder() + "/formats"
        let ran = try interruptedRun(["race", "rosenbrock", "--out", out, "--size", "400x300", "--quiet",
                                      "--animation", "apng,gif,mp4,webm,webp"], signal: SIGINT) {
            contents(out + "/frames").count >= 30
        }
        guard ran else { return }
        let all = (FileManager.default.enumerator(atPath: out)?.allObjects as? [String]) ?? []
        #expect(!all.contains { $0.hasSuffix(".tmp") }, "temporary files left: \(all)")
        #expect(!contents(out).contains { $0.hasPrefix("race.") }, "left behind: \(contents(out))")
    }

    @Test func sigintStopsAStreamedRaceAndLeavesNoPieces() throws {
        let out = temporaryFolder() + "/long"
        var seen: Date?
        let ran = try interruptedRun(["race", "rosenbrock", "--out", out, "--steps", "10000000", "--no-render", "--quiet"], signal: SIGINT) {
            // The folder appears as the race starts; its pieces are already unlinked, so give it a moment to write.
            guard FileManager.default.fileExists(atPath: out) else { return false }
            if seen == nil { seen = Date() }
            return Date().timeIntervalSince(seen!) > 0.5
        }
        guard ran else { return }
        #expect(contents(out).isEmpty, "left behind: \(contents(out))")
    }
}

/// SIGINT while `optrace map` draws and encodes its picture stops it and leaves no `map.png`.
@Suite struct MapInterruptTests {
    @Test func sigintStopsTheMapPicture() throws {
        let out = temporaryFolder() + "/map"
        // 360 000 starts of one step each: the runs are quick, the picture (drawn after map.csv is written)
        // takes seconds in a debug build. The deadline is a watchdog for a loaded machine, not the promise.
        let arguments = ["map", "himmelblau", "--racer", "Momentum", "--grid", "600x600", "--steps", "1", "--out", out, "--quiet"]
        let ran = try interruptedRun(arguments, signal: SIGINT) {
            FileManager.default.fileExists(atPath: out + "/map.csv")
        }
        guard ran else { return }
        // map.csv was complete before the picture started; no map.png and no temporary file is left.
        #expect(contents(out) == ["map.csv"], "left \(contents(out))")
        let csv = try String(contentsOfFile: out + "/map.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 600 * 600)
    }
}

/// SIGINT while a network scenario trains stops it between epochs and writes nothing.
@Suite struct NetworkInterruptTests {
    @Test func sigintStopsANetworkRaceAndWritesNothing() throws {
        let out = temporaryFolder() + "/net"
        var seen: Date?
        let ran = try interruptedRun(["race", "moons", "--steps", "1000000", "--out", out, "--no-render", "--quiet"], signal: SIGINT) {
            guard FileManager.default.fileExists(atPath: out) else { return false }
            if seen == nil { seen = Date() }
            return Date().timeIntervalSince(seen!) > 0.5
        }
        guard ran else { return }
        #expect(contents(out).isEmpty, "left behind: \(contents(out))")
    }
}
