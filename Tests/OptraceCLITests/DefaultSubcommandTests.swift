import Testing
@testable import OptraceCLI

/// `race` runs when the command line names no subcommand, and only then; `tune` runs `sweep` when no subcommand of
/// `tune` follows it; and a command line is parsed into the same command whichever root parses it.
@Suite struct DefaultSubcommandTests {
    @Test func raceGoesInFrontOnlyWhenNoSubcommandOrRootRequestLeads() {
        #expect(OptraceCommand.routed([]) == ["race"])
        #expect(OptraceCommand.routed(["scenarios/zoo.yaml"]) == ["race", "scenarios/zoo.yaml"])
        #expect(OptraceCommand.routed(["--steps", "5", "valley-bump"]) == ["race", "--steps", "5", "valley-bump"])
        #expect(OptraceCommand.routed(["-q"]) == ["race", "-q"])
        for kept in [
            ["race", "--steps", "5"], ["tune", "sweep", "valley-bump"], ["tune", "merge", "a.json"], ["list"], ["serve", "--port", "0"], ["help", "race"],
            ["--help"], ["-h"], ["-help"], ["--version"], ["--generate-completion-script", "bash"],
            ["--generate-completion-script=zsh"], ["--experimental-dump-help"],
        ] {
            #expect(OptraceCommand.routed(kept) == kept)
        }
        // Every subcommand of the root is recognised by its name.
        for sub in OptraceCommand.configuration.subcommands where sub != TuneCommand.self {
            let name = try! #require(sub.configuration.commandName)
            #expect(OptraceCommand.routed([name, "x"]) == [name, "x"])
        }
    }

    @Test func sweepGoesAfterTuneOnlyWhenNoSubcommandOfTuneOrRequestFollows() {
        #expect(OptraceCommand.routed(["tune"]) == ["tune", "sweep"])
        #expect(OptraceCommand.routed(["tune", "valley-bump", "--steps", "9"]) == ["tune", "sweep", "valley-bump", "--steps", "9"])
        #expect(OptraceCommand.routed(["tune", "--steps", "9", "valley-bump"]) == ["tune", "sweep", "--steps", "9", "valley-bump"])
        // `help` after `tune` is a scenario name, as it was when `sweep` was the parser's default.
        #expect(OptraceCommand.routed(["tune", "help"]) == ["tune", "sweep", "help"])
        for kept in [
            ["tune", "sweep", "x"], ["tune", "merge", "x"], ["tune", "--help"], ["tune", "-h"], ["tune", "--version"],
            ["tune", "--generate-completion-script", "bash"],
        ] {
            #expect(OptraceCommand.routed(kept) == kept)
        }
    }

    @Test func aSweepWithoutItsNameWritesWhatTheNamedSweepWrites() {
        let (plain, named) = (temporaryFolder(), temporaryFolder())
        let common = ["valley-bump", "--racer", "Momentum", "--param", "lr=0.01:0.5:log:5", "--steps", "30", "--no-render", "--quiet"]
        let a = optrace(["tune"] + common + ["--out", plain])
        let b = optrace(["tune", "sweep"] + common + ["--out", named])
        #expect(a.code == 0 && b.code == 0, "\(a.stderr) \(b.stderr)")
        #expect(contents(plain) == contents(named) && contents(plain).contains("tune.json"))
        for name in contents(plain) { #expect(bytes(plain + "/" + name) == bytes(named + "/" + name), "\(name)") }
        let help = optrace("tune", "--help")
        #expect(help.code == 0 && help.stdout.contains("sweep") && help.stdout.contains("(the default)"))
    }

    /// The quick parse (without the parser's completion-script check) gives the command the full parse gives, field
    /// for field, and leaves requests, errors and help to it.
    @Test func theQuickParseGivesTheCommandTheFullParseGives() throws {
        for line in [
            ["race", "--steps", "50", "--seed", "7", "valley-bump"], ["race", "--no-render", "--animation", "gif,webp"],
            ["tune", "sweep", "valley-bump", "--racer", "Adam", "--param", "lr=0.001:1:log:8", "--seeds", "3"],
            ["tune", "merge", "a.json", "b.json"], ["list"], ["grad", "--preset", "A"], ["map", "himmelblau", "--racer", "Adam"],
            ["depth", "--depth", "4"], ["audit"], ["bench", "--repeats", "2"], ["landscape"],
        ] {
            let quick = try CommandLineParser.parse(line)
            let full = try OptraceCommand.parseAsRoot(line)
            #expect(type(of: quick) == type(of: full), "\(line)")
            #expect(String(reflecting: quick) == String(reflecting: full), "\(line)")
            #expect(CommandLineParser.commandTypes.contains(ObjectIdentifier(type(of: quick))))
        }
        // Lines the quick parse refuses or hands on are parsed in full: the same errors and requests.
        for line in [["race", "--steps", "-1"], ["tune", "sweep"], ["help", "race"], ["race", "--help"], ["--version"]] {
            let quick = Result { try CommandLineParser.parse(line) }
            let full = Result { try OptraceCommand.parseAsRoot(line) }
            switch (quick, full) {
            case (.failure(let a), .failure(let b)):
                #expect(OptraceCommand.fullMessage(for: a) == OptraceCommand.fullMessage(for: b), "\(line)")
            case (.success(let a), .success(let b)):
                #expect(String(reflecting: a) == String(reflecting: b), "\(line)")
            default:
                Issue.record("\(line): \(quick) against \(full)")
            }
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
