import ArgumentParser

/// The `optrace` command line.
public struct OptraceCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "optrace",
        abstract: "Race optimizers on 2-D loss surfaces."
    )
    public init() {}
}
