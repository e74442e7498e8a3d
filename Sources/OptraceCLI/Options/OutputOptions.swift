import ArgumentParser

/// `--no-render` and `--quiet`, shared by the commands that write results.
public struct OutputOptions: ParsableArguments {
    @Flag(help: "Draw no pictures (data files only).")
    public var noRender = false

    @Flag(help: "Print nothing but errors (no tables, no progress bar).")
    public var quiet = false

    public init() {}
}
