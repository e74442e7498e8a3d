import Foundation
import Testing
@testable import OptraceCLI

@Suite struct ServeLauncherTests {
    /// Without the server program, `optrace serve` says in one line how to build it, and exits 2 (as for bad input).
    @Test func withoutTheServerItSaysHowToBuildIt() {
        let run = optrace(["serve", "--port", "9000", "--open"], environment: ["OPTRACE_SERVE": "/nonexistent/optrace-serve"])
        #expect(run.code == 2)
        #expect(run.stderr.contains("/nonexistent/optrace-serve is not built: run scripts/optrace serve"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stdout.isEmpty)
    }

    @Test func theServerIsLookedForBesideOptraceAndGetsEveryArgument() throws {
        #expect(ServeLauncherCommand.serverPath(environment: ["OPTRACE_SERVE": "/x/y"]) == "/x/y")
        let command = try ServeLauncherCommand.parse(["--port", "9000", "--host", "0.0.0.0", "--open"])
        #expect(command.arguments == ["--port", "9000", "--host", "0.0.0.0", "--open"])
        #expect(ServeLauncherCommand.serverPath(environment: [:]).hasSuffix("/optrace-serve"))
    }

    /// (Every test here points OPTRACE_SERVE at a missing file: a found server would replace the test process.)
    @Test func helpNamesTheServersOptions() {
        let run = optrace(["serve", "--help"], environment: ["OPTRACE_SERVE": "/nonexistent/optrace-serve"])
        #expect(run.code == 0)
        #expect(run.stdout.contains("--port") && run.stdout.contains("--host") && run.stdout.contains("--open"))
    }
}
