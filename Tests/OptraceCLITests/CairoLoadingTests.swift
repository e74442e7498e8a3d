import Foundation
import Testing

/// Cairo is opened at the first drawing: commands that draw nothing run without it, and one that would draw says
/// in one line that it cannot, before writing anything.
@Suite struct CairoLoadingTests {
    /// Runs the real executable with `OPTRACE_CAIRO` naming a library that does not exist.
    private func runWithoutCairo(_ arguments: [String]) throws -> (code: Int32, stderr: String) {
        try runExecutable(arguments, adding: ["OPTRACE_CAIRO": "/nonexistent/libcairo.so.2"])
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
