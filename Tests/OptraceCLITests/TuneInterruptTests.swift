import Foundation
import Testing

/// SIGINT during a long sweep stops it within a second and writes nothing.
@Suite struct TuneInterruptTests {
    @Test func sigintStopsASweepWithinASecondAndWritesNothing() throws {
        let out = temporaryFolder() + "/sweep"
        // About a minute of work in a debug build: long enough to be interrupted midway.
        let arguments = [
            "tune", "valley-bump", "--racer", "Adam", "--param", "lr=0.001:1:log:200", "--param", "beta1=0:0.99:200",
            "--steps", "3000", "--seeds", "2", "--out", out, "--quiet", "--no-render",
        ]
        let started = Date()
        guard try interruptedRun(arguments, signal: SIGINT, ready: { Date().timeIntervalSince(started) > 0.7 }) else { return }
        #expect(contents(out).isEmpty, "wrote \(contents(out))")
    }
}

/// SIGTERM while `optrace tune` draws its heatmap stops it and leaves no `heatmap.png`.
@Suite struct TunePictureInterruptTests {
    @Test func sigtermStopsTheHeatmap() throws {
        let out = temporaryFolder() + "/sweep"
        // 250 000 one-step cells: quick runs, then a heatmap (drawn after tune.csv is written) that takes
        // seconds in a debug build. The deadline is a watchdog for a loaded machine, not the promise.
        let arguments = [
            "tune", "valley-bump", "--racer", "Adam", "--param", "lr=0.001:1:log:500", "--param", "beta1=0:0.99:500",
            "--steps", "1", "--seeds", "1", "--out", out, "--quiet",
        ]
        let ran = try interruptedRun(arguments, signal: SIGTERM) {
            FileManager.default.fileExists(atPath: out + "/tune.csv")
        }
        guard ran else { return }
        // The data files were complete before the picture started; no heatmap.png and no temporary file is left.
        #expect(contents(out) == ["tune.csv", "tune.json"], "left \(contents(out))")
        let csv = try String(contentsOfFile: out + "/tune.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 500 * 500)
    }
}
