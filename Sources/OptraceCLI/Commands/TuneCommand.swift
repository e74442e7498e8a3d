import ArgumentParser

/// `optrace tune`: sweeps (the default subcommand) and the merging of a sweep's shards.
public struct TuneCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Tune hyperparameters on a surface: sweeps, the usable window, theory on quadratics.",
        discussion: """
            'optrace tune SCENARIO --racer NAME --param lr=0.001:3:log:64 …' runs a sweep (see 'optrace \
            help tune sweep'); 'optrace tune merge SHARD…' combines the shards of a sweep run with --shard I/N.
            """,
        subcommands: [TuneSweepCommand.self, TuneMergeCommand.self]
    )

    public init() {}

    /// The arguments after `tune` with `sweep` in front unless they begin with a subcommand of `tune` or a help,
    /// version or completion request (see `OptraceCommand.routed`).
    static func routed(_ arguments: [String]) -> [String] {
        if let first = arguments.first, OptraceCommand.names(of: Self.self).contains(first) || OptraceCommand.isRequest(first) {
            return arguments
        }
        return [TuneSweepCommand.configuration.commandName ?? "sweep"] + arguments
    }
}
