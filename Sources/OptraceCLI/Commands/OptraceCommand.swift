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
        subcommands: [RaceCommand.self, ListCommand.self, GradCommand.self, AuditCommand.self, DepthCommand.self, LandscapeCommand.self, BenchCommand.self, TuneCommand.self, MapCommand.self, ServeLauncherCommand.self],
        defaultSubcommand: RaceCommand.self
    )

    /// The version `optrace --version` prints.
    public static let version = "0.1.0"

    public init() {}
}
