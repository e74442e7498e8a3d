import Foundation
import Testing
@testable import OptraceCLI

/// Standard output or error that cannot be written never crashes optrace, and untrusted text
/// reaches the terminal escaped, so one error is always one line.
@Suite struct ConsoleTests {
    /// Runs `arguments` in-process with standard output failing with `failure` (errno).
    func runWithFailingOutput(_ arguments: [String], failure: Int32) -> (code: Int32, stderr: String) {
        let errors = CapturedConsole()
        let console = Console(out: { _ in failure }, err: { text in errors.console.error(text); return 0 })
        let code = Console.$current.withValue(console) { Optrace.run(arguments) }
        return (code, errors.stderr)
    }

    @Test func aFullStandardOutputIsOneLineAndExitCodeOne() {
        for arguments in [["list"], ["--help"], ["race", "--help"], ["grad", "x^2", "--at", "x=1", "--json"]] {
            let run = runWithFailingOutput(arguments, failure: ENOSPC)
            #expect(run.code == 1, "\(arguments)")
            #expect(run.stderr == "optrace: cannot write to standard output (No space left on device)\n", "\(arguments)")
        }
        let piped = runWithFailingOutput(["list"], failure: EPIPE)
        #expect(piped.code == 1 && piped.stderr.isEmpty)
    }

    @Test func aRaceWhoseOutputFailsStillCompletesItsFiles() {
        let folder = temporaryFolder()
        let run = runWithFailingOutput(["race", "--no-render", "--steps", "3", "--out", folder], failure: ENOSPC)
        #expect(run.code == 1)
        #expect(contents(folder) == ["scoreboard.json", "trajectory.csv"])
    }

    @Test func theRealExecutableWithStandardOutputOrErrorOnAFullDisk() throws {
        let executable = try #require(InterruptedRun.executable)
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        for arguments in [["list"], ["--help"], ["grad", "x^2", "--at", "x=1", "--json"]] {
            let child = try #require(SpawnedChild(executable: executable, arguments: arguments, standardOutput: "/dev/full"))
            #expect(child.wait(until: Date().addingTimeInterval(60)) == .exited(1), "\(arguments)")
            #expect(child.readStandardError() == "optrace: cannot write to standard output (No space left on device)\n")
        }
        let folder = temporaryFolder()
        let race = try #require(SpawnedChild(
            executable: executable, arguments: ["race", "--no-render", "--steps", "3", "--out", folder], standardOutput: "/dev/full",
            standardError: "/dev/full"))
        #expect(race.wait(until: Date().addingTimeInterval(60)) == .exited(1))
        #expect(contents(folder) == ["scoreboard.json", "trajectory.csv"])
        let bad = try #require(SpawnedChild(executable: executable, arguments: ["race", "--steps", "-1"], standardError: "/dev/full"))
        #expect(bad.wait(until: Date().addingTimeInterval(60)) == .exited(2))
    }

    @Test func controlCharactersAreEscaped() {
        #expect(TerminalText.oneLine("a\u{1B}]0;pwned\u{07}\u{1B}[2J\nb\r") == "a\\e]0;pwned\\a\\e[2J\\nb\\r")
        #expect(TerminalText.escaped("row\n\u{9B}31m\u{202E}x", keepingLines: true) == "row\n\\u{9B}31m\\u{202E}x")
        #expect(TerminalText.escaped("plain — ü ✓", keepingLines: false) == "plain — ü ✓")
    }

    @Test func untrustedTextInErrorsAndTablesIsEscaped() throws {
        let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\nsecond line"
        let error = optrace("race", hostile)
        #expect(error.code == 2)
        #expect(error.stderr.split(separator: "\n").count == 1, "\(error.stderr)")
        #expect(!error.stderr.unicodeScalars.contains("\u{1B}"))
        let text = try String(contentsOfFile: packageRoot + "/scenarios/valley-bump.yaml", encoding: .utf8)
        let titled = text.replacingOccurrences(of: "title: ", with: "title: \"\\e]0;pwned\\a\\e[2J\" #")
        #expect(titled != text)
        let file = scenarioFile(titled, name: "hostile.yaml")
        let race = optrace("race", file, "--no-render", "--steps", "3", "--out", temporaryFolder())
        #expect(race.code == 0, "\(race.stderr)")
        #expect(!race.stdout.unicodeScalars.contains("\u{1B}") && !race.stdout.unicodeScalars.contains("\u{07}"))
        #expect(race.stdout.contains("\\e]0;pwned\\a\\e[2J"))
    }
}
