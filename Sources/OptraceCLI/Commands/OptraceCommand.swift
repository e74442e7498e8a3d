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

    /// The arguments with `race` in front when they name no subcommand and ask for no help or version: `optrace`
    /// alone, `optrace SCENARIO …` and `optrace --steps 50 …` run a race.
    ///
    /// `race` is the default this way rather than as the parser's `defaultSubcommand`, which reflects every option
    /// of `race` on every command line, `optrace tune …` included.
    static func routed(_ arguments: [String]) -> [String] {
        guard let first = arguments.first else { return [RaceCommand.configuration.commandName ?? "race"] }
        let names = configuration.subcommands.flatMap { [$0.configuration.commandName ?? ""] + $0.configuration.aliases }
        if names.contains(first) || first == "help" || rootFlags.contains(first)
            || rootFlagPrefixes.contains(where: { first.hasPrefix($0) }) {
            return arguments
        }
        return [RaceCommand.configuration.commandName ?? "race"] + arguments
    }

    /// The parser's own flags of the root command.
    private static let rootFlags: Set<String> = ["-h", "--help", "-help", "--version"]
    /// The parser's root-level requests with a value (and its internal completion calls).
    private static let rootFlagPrefixes = ["--generate-completion-script", "--experimental-dump-help", "---"]
}
