import ArgumentParser

/// `--threads`, shared by the commands that compute in parallel; results do not depend on it.
public struct ThreadOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Threads (default: every core); results are the same for any number.")
    public var threads: Int?

    public init() {}

    public func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads: expected a whole number ≥ 1, found \(threads)") }
    }
}
