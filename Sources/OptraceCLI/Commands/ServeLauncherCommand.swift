import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `optrace serve`: starts the live server, `optrace-serve`, a separate program beside `optrace` (so `optrace` itself
/// never builds or loads the HTTP stack).
public struct ServeLauncherCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the live optimizer race, graph stepper and tuning pages (runs optrace-serve).",
        discussion: """
            Options: --port N (default 8765; 0 picks a free one), --host ADDRESS (default 127.0.0.1; \
            another address prints a warning), --open (opens the index page in the default browser). \
            The server is its own program, optrace-serve, found beside optrace (or at $OPTRACE_SERVE); \
            scripts/optrace serve builds it on first use.
            """
    )

    @Argument(parsing: .allUnrecognized, help: "Options for optrace-serve (--port, --host, --open).")
    public var arguments: [String] = []

    public init() {}

    /// Where `optrace-serve` is: `$OPTRACE_SERVE`, else beside the running executable.
    static func serverPath(environment: [String: String]) -> String {
        if let path = environment["OPTRACE_SERVE"], !path.isEmpty { return path }
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (own as NSString).deletingLastPathComponent + "/optrace-serve"
    }

    public func run() throws {
        let path = Self.serverPath(environment: CommandEnvironment.current)
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw CLIError(
                "serve: the live server \(path) is not built: run scripts/optrace serve (it builds optrace-serve once), or swift build -c release --product optrace-serve")
        }
        // The server replaces this process, so Ctrl-C reaches it directly.
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        throw CLIError("serve: could not start \(path): \(String(cString: strerror(errno)))")
    }
}
