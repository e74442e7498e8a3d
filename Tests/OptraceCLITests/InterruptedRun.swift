import Foundation
import Testing

/// Runs the real `optrace` executable, sends `signal` once `ready()` holds, and checks that it stops
/// within a second with exit code 128 + signal and the one-line message; returns false when it can't run.
@discardableResult
func interruptedRun(
    _ arguments: [String], signal: Int32, sourceLocation: SourceLocation = #_sourceLocation, ready: () -> Bool
) throws -> Bool {
    guard let executable = InterruptedRun.executable else {
        Issue.record("optrace executable not found near \(Bundle.main.bundleURL.path)", sourceLocation: sourceLocation)
        return false
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let stderr = Pipe()
    process.standardError = stderr
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    while !ready() && process.isRunning && Date() < deadline { usleep(20_000) }
    #expect(process.isRunning, "the run finished before it could be interrupted", sourceLocation: sourceLocation)
    let sent = Date()
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    let stopped = Date().timeIntervalSince(sent)
    #expect(stopped < 1.0, "took \(stopped) s to stop", sourceLocation: sourceLocation)
    #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signal, sourceLocation: sourceLocation)
    let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(message.hasPrefix("optrace: \(signal == SIGTERM ? "terminated" : "interrupted")"), "\(message)", sourceLocation: sourceLocation)
    return true
}

/// Where the test run finds the executable.
enum InterruptedRun {
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
}
