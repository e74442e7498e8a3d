import ArgumentParser
import Foundation
import OptraceCore
import OptracePlot

/// Runs the `optrace` command line in-process and returns its exit code.
public enum Optrace {
    /// Exit code for bad input (arguments, scenario, expression, output folder).
    public static let badInputExitCode: Int32 = 2
    /// Exit code when the results could not all be printed or written (standard output failed, an unexpected error).
    public static let failureExitCode: Int32 = 1

    /// Parses and runs `arguments` (without the program name), printing through `Console.current`.
    ///
    /// Every error is one line on standard error (untrusted text in it escaped), never a crash. When
    /// standard output cannot be written (a full disk, a closed pipe), the command still completes
    /// its files, one line says so (not for a closed pipe, the reader's choice) and the exit code is 1.
    public static func run(_ arguments: [String]) -> Int32 {
        let console = Console.current
        let code = execute(arguments, console: console)
        guard let failure = console.outputFailure else { return code }
        if failure != EPIPE {
            console.error("optrace: cannot write to standard output (\(String(cString: strerror(failure))))\n")
        }
        return code == 0 ? failureExitCode : code
    }

    private static func execute(_ arguments: [String], console: Console) -> Int32 {
        var command: ParsableCommand
        do {
            command = try CommandLineParser.parse(OptraceCommand.routed(arguments))
        } catch {
            let code = OptraceCommand.exitCode(for: error)
            if code == .success {
                console.write(OptraceCommand.fullMessage(for: error) + "\n")
                return 0
            }
            let message = OptraceCommand.message(for: error)
            let first = message.split(separator: "\n").first.map(String.init) ?? message
            let cleaned = first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
            fail(console, "\(cleaned) (see 'optrace help')")
            return badInputExitCode
        }
        if let drawing = command as? DrawingCommand, drawing.drawsPictures,
           let problem = CairoLibrary.loadError() ?? ImageLibraries.loadError(for: drawing.animationFormats)
               ?? drawing.animationRefusal {
            fail(console, problem)
            return failureExitCode
        }
        do {
            try command.run()
            return 0
        } catch let error as CLIError {
            fail(console, error.message, excerpt: error.excerpt)
            return badInputExitCode
        } catch let error as ScenarioError {
            fail(console, error.headline, excerpt: error.excerpt)
            return badInputExitCode
        } catch let error as OutputError {
            fail(console, error.description)
            return badInputExitCode
        } catch let error as Interrupted {
            fail(console, "\(error); stopped early, keeping only the files that were complete")
            return error.exitCode
        } catch let error as ExitCode {
            return error.rawValue
        } catch {
            // `--help` and `help COMMAND` parse to a help command whose run asks for the help text.
            if OptraceCommand.exitCode(for: error) == .success {
                console.write(OptraceCommand.fullMessage(for: error) + "\n")
                return 0
            }
            fail(console, "\(error)")
            return failureExitCode
        }
    }

    /// Prints `message` as one line (and the excerpt's lines under it), untrusted text escaped.
    private static func fail(_ console: Console, _ message: String, excerpt: String? = nil) {
        console.error("optrace: \(TerminalText.oneLine(message))\n")
        if let excerpt { console.error(excerpt.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.oneLine(String($0)) }.joined(separator: "\n") + "\n") }
    }
}
