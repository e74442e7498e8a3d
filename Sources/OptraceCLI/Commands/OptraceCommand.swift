import ArgumentParser

/// The `optrace` command line: race, tune, map, list, grad, bench and serve.
public struct OptraceCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "optrace",
        abstract: "Race optimizers on 2-D loss surfaces.",
        discussion: """
            optrace runs SGD, momentum, Adam and more on a surface with identical seeded gradient \
            noise, so differences come from the update rules alone. Without a subcommand it runs \
            'race' on the built-in valley-bump scenario.
            """,
        version: "optrace \(OptraceCommand.version)",
        subcommands: [RaceCommand.self, ListCommand.self, GradCommand.self, AuditCommand.self, DepthCommand.self, LandscapeCommand.self, BenchCommand.self, TuneCommand.self, MapCommand.self, ServeLauncherCommand.self]
    )

    /// The version `optrace --version` prints.
    public static let version = "0.1.0"

    public init() {}

    /// The arguments with each default subcommand put in: `race` in front when they name no subcommand and ask for
    /// no help or version (`optrace` alone, `optrace SCENARIO …` and `optrace --steps 50 …` run a race), and `sweep`
    /// after `tune` when no subcommand of `tune` follows (`optrace tune SCENARIO …` runs a sweep).
    ///
    /// The defaults are put in this way rather than as the parser's `defaultSubcommand`, which reflects every option
    /// of the default on every command line that passes through its parent: all of `race`'s on `optrace tune …`,
    /// all of `sweep`'s once more on every sweep.
    static func routed(_ arguments: [String]) -> [String] {
        guard let first = arguments.first else { return [RaceCommand.configuration.commandName ?? "race"] }
        if first == TuneCommand.configuration.commandName {
            return [first] + TuneCommand.routed(Array(arguments.dropFirst()))
        }
        if names(of: Self.self).contains(first) || first == "help" || isRequest(first) {
            return arguments
        }
        return [RaceCommand.configuration.commandName ?? "race"] + arguments
    }

    /// The names and aliases of `parent`'s subcommands.
    static func names(of parent: ParsableCommand.Type) -> [String] {
        parent.configuration.subcommands.flatMap { [$0.configuration.commandName ?? ""] + $0.configuration.aliases }
    }

    /// Whether `argument` is one of the parser's own help, version or completion requests.
    static func isRequest(_ argument: String) -> Bool {
        rootFlags.contains(argument) || rootFlagPrefixes.contains(where: { argument.hasPrefix($0) })
    }

    /// The parser's own flags of the root command.
    private static let rootFlags: Set<String> = ["-h", "--help", "-help", "--version"]
    /// The parser's root-level requests with a value (and its internal completion calls).
    private static let rootFlagPrefixes = ["--generate-completion-script", "--experimental-dump-help", "---"]
}
