import Foundation
import Testing

/// SIGINT during a long sweep stops it within a second and writes nothing.
@Suite struct TuneInterruptTests {
    @Test func sigintStopsASweepWithinASecondAndWritesNothing() throws {
        guard let executable = InterruptTests.executable else {
            Issue.record("optrace executable not found near \(Bundle.main.bundleURL.path)")
            return
        }
        let out = temporaryFolder() + "/sweep"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // About a minute of work in a debug build: long enough to be interrupted midway.
        process.arguments = ["tune", "valley-bump", "--racer", "Adam", "--param", "lr=0.001:1:log:200", "--param", "beta1=0:0.99:200",
                             "--steps", "3000", "--seeds", "2", "--out", out, "--quiet", "--no-render"]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        usleep(700_000)
        #expect(process.isRunning, "the sweep finished before it could be interrupted")
        let sent = Date()
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let stopped = Date().timeIntervalSince(sent)
        #expect(stopped < 1.0, "took \(stopped) s to stop")
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + SIGINT)
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.hasPrefix("optrace: interrupted"), "\(message)")
        #expect(contents(out).isEmpty, "wrote \(contents(out))")
    }
}
