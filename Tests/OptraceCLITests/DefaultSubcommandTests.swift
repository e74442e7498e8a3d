import Testing
@testable import OptraceCLI

/// `race` runs when the command line names no subcommand, and only then.
@Suite struct DefaultSubcommandTests {
    @Test func raceGoesInFrontOnlyWhenNoSubcommandOrRootRequestLeads() {
        #expect(OptraceCommand.routed([]) == ["race"])
        #expect(OptraceCommand.routed(["scenarios/zoo.yaml"]) == ["race", "scenarios/zoo.yaml"])
        #expect(OptraceCommand.routed(["--steps", "5", "valley-bump"]) == ["race", "--steps", "5", "valley-bump"])
        #expect(OptraceCommand.routed(["-q"]) == ["race", "-q"])
        for kept in [
            ["race", "--steps", "5"], ["tune", "valley-bump"], ["list"], ["serve", "--port", "0"], ["help", "race"],
            ["--help"], ["-h"], ["-help"], ["--version"], ["--generate-completion-script", "bash"],
            ["--generate-completion-script=zsh"], ["--experimental-dump-help"],
        ] {
            #expect(OptraceCommand.routed(kept) == kept)
        }
        // Every subcommand of the root is recognised by its name.
        for sub in OptraceCommand.configuration.subcommands {
            let name = try! #require(sub.configuration.commandName)
            #expect(OptraceCommand.routed([name, "x"]) == [name, "x"])
        }
    }

    @Test func aRaceWithoutItsNameWritesWhatTheNamedRaceWrites() {
        let (plain, named) = (temporaryFolder(), temporaryFolder())
        let a = optrace("--steps", "7", "--no-render", "--quiet", "--out", plain)
        let b = optrace("race", "--steps", "7", "--no-render", "--quiet", "--out", named)
        #expect(a.code == 0 && b.code == 0, "\(a.stderr) \(b.stderr)")
        #expect(contents(plain) == contents(named) && !contents(plain).isEmpty)
        for name in contents(plain) { #expect(bytes(plain + "/" + name) == bytes(named + "/" + name), "\(name)") }
    }

    @Test func rootHelpNamesTheDefaultAndRootRequestsStillWork() {
        let help = optrace("--help")
        #expect(help.code == 0 && help.stdout.contains("race") && help.stdout.contains("(the default)"))
        let completion = optrace("--generate-completion-script", "bash")
        #expect(completion.code == 0 && completion.stdout.contains("optrace"))
        let unknown = optrace("--no-such-option")
        #expect(unknown.code == Optrace.badInputExitCode && unknown.stderr.contains("--no-such-option"))
        #expect(unknown.stderr.split(separator: "\n").count == 1)
    }
}
