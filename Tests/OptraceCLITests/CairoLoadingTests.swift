import Foundation
import Testing

/// Cairo is opened at the first drawing: commands that draw nothing run without it, and one that would draw says
/// in one line that it cannot, before writing anything.
@Suite struct CairoLoadingTests {
    /// Runs the real executable with `OPTRACE_CAIRO` naming a library that does not exist.
    private func runWithoutCairo(_ arguments: [String]) throws -> (code: Int32, stderr: String) {
        let executable = try #require(InterruptedRun.executable, "optrace executable not found near \(Bundle.main.bundleURL.path)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OPTRACE_CAIRO"] = "/nonexistent/libcairo.so.2"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func commandsThatDrawNothingRunWithoutCairo() throws {
        let out = temporaryFolder() + "/race"
        let race = try runWithoutCairo(["race", "--steps", "20", "--no-render", "--quiet", "--out", out])
        #expect(race.code == 0, "\(race.stderr)")
        #expect(contents(out) == ["scoreboard.json", "trajectory.csv"])
        let version = try runWithoutCairo(["--version"])
        #expect(version.code == 0 && version.stderr.isEmpty)
    }

    @Test func aCommandThatWouldDrawSaysSoInOneLineAndWritesNothing() throws {
        let out = temporaryFolder() + "/race"
        let race = try runWithoutCairo(["race", "--steps", "20", "--out", out])
        #expect(race.code == 1)
        let lines = race.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(race.stderr)")
        #expect(race.stderr.hasPrefix("optrace: cannot load Cairo (/nonexistent/libcairo.so.2"), "\(race.stderr)")
        #expect(race.stderr.contains("--no-render"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let grad = try runWithoutCairo(["grad", "--preset", "A", "--out", out])
        #expect(grad.code == 1 && grad.stderr.hasPrefix("optrace: cannot load Cairo"), "\(grad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
