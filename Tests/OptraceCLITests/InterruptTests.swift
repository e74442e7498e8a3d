import Foundation
import Testing
@testable import OptracePlot

/// SIGINT/SIGTERM during a long render stops within a second and leaves complete files only.
@Suite struct InterruptTests {
    /// The `optrace` executable built beside the test bundle.
    static var executable: String? {
        var url = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = url.appendingPathComponent("optrace").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        return nil
    }

    func interruptMidway(signal: Int32) throws {
        guard let executable = Self.executable else {
            Issue.record("optrace executable not found near \(Bundle.main.bundleURL.path)")
            return
        }
        let out = temporaryFolder() + "/run"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["race", "rosenbrock", "--out", out, "--size", "400x300", "--quiet"]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while contents(out + "/frames").count < 30 && process.isRunning && Date() < deadline {
            usleep(20_000)
        }
        #expect(process.isRunning, "the race finished before it could be interrupted")
        let sent = Date()
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let stopped = Date().timeIntervalSince(sent)
        #expect(stopped < 1.0, "took \(stopped) s to stop")
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signal)
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.hasPrefix("optrace: \(signal == SIGTERM ? "terminated" : "interrupted")"))

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
}
