import Foundation

/// The environment variables a command reads (`tune --shard auto`): the process's, or those a test gives.
public enum CommandEnvironment {
    /// Variables that stand for the whole environment of the running command (nil: the process's own).
    @TaskLocal public static var replacement: [String: String]?

    /// The running command's environment variables.
    public static var current: [String: String] { replacement ?? ProcessInfo.processInfo.environment }
}
