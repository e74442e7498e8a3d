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
