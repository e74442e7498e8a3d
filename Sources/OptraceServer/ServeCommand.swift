import ArgumentParser
import Foundation
import OptraceLive
import OptracePlot

/// `optrace serve`: the chapter's instruments live in a browser, on any scenario.
public struct ServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the live optimizer race, graph stepper and tuning pages on this machine.",
        discussion: """
            Open http://HOST:PORT/ in a browser. Scenarios are the built-in ones and ./scenarios/*.yaml \
            (by name only). Ctrl-C stops the server.
            """
    )

    @Option(parsing: .unconditional, help: "TCP port (0 picks a free one).")
    public var port: Int = 8765

    @Option(help: "Address to listen on; anything but loopback is reachable from other machines.")
    public var host: String = "127.0.0.1"

    @Flag(help: "Open the index page in the default browser (xdg-open).")
    public var open = false

    public init() {}

    public func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port: expected a whole number from 0 to 65535, found \(port)") }
        if host.isEmpty || host.contains(where: { $0 == " " || $0 == "/" }) {
            throw ValidationError("--host: expected an address such as 127.0.0.1, found '\(host)'")
        }
    }

    /// Whether `host` is a loopback address (only this machine can connect).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    public func run() async throws {
        // Every page draws (maps, thumbnails, pictures): without Cairo the server does not start.
        if let problem = CairoLibrary.loadError() { throw ValidationError(problem) }
        if !Self.isLoopback(host) {
            FileHandle.standardError.write(Data("optrace serve: warning: listening on \(host), so other machines can reach the server; it has no authentication\n".utf8))
        }
        let server = LiveServer(app: LiveApp(), host: host, port: port)
        let host = self.host, open = self.open
        do {
            try await server.run { bound in
                let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                let url = "http://\(shown):\(bound)/"
                FileHandle.standardOutput.write(Data("optrace serve: \(url) (Ctrl-C stops)\n".utf8))
                if open { Self.openBrowser(url) }
            }
        } catch {
            throw ValidationError("cannot serve on \(host):\(port): \(error)")
        }
        FileHandle.standardOutput.write(Data("optrace serve: stopped\n".utf8))
    }

    static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            FileHandle.standardError.write(Data("optrace serve: could not open a browser (\(error)); open \(url) by hand\n".utf8))
        }
    }
}

extension ServeCommand {
    /// Parses the process's arguments and runs the server; errors exit as every optrace command does.
    public static func runFromCommandLine(_ arguments: [String]? = nil) async {
        do {
            var command = try parseAsRoot(arguments)
            if let serve = command as? ServeCommand {
                try await serve.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
