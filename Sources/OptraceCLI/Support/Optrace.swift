import ArgumentParser
import OptraceCore

/// Runs the `optrace` command line in-process and returns its exit code.
public enum Optrace {
    /// Exit code for bad input (arguments, scenario, expression, output folder).
    public static let badInputExitCode: Int32 = 2

    /// Parses and runs `arguments` (without the program name), printing through `Console.current`.
    public static func run(_ arguments: [String]) -> Int32 {
        let console = Console.current
        var command: ParsableCommand
        do {
            command = try OptraceCommand.parseAsRoot(arguments)
        } catch {
            let code = OptraceCommand.exitCode(for: error)
            if code == .success {
                console.write(OptraceCommand.fullMessage(for: error) + "\n")
                return 0
            }
            let message = OptraceCommand.message(for: error)
            let first = message.split(separator: "\n").first.map(String.init) ?? message
            let cleaned = first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
            console.error("optrace: \(cleaned) (see 'optrace help')\n")
            return badInputExitCode
        }
        do {
            try command.run()
            return 0
        } catch let error as CLIError {
            console.error("optrace: \(error.message)\n")
            if let excerpt = error.excerpt { console.error(excerpt + "\n") }
            return badInputExitCode
        } catch let error as ScenarioError {
            console.error("optrace: \(error.headline)\n")
            if let excerpt = error.excerpt { console.error(excerpt + "\n") }
            return badInputExitCode
        } catch let error as OutputError {
            console.error("optrace: \(error.description)\n")
            return badInputExitCode
        } catch let error as Interrupted {
            console.error("optrace: \(error); stopped early, keeping only the files that were complete\n")
            return error.exitCode
        } catch let error as ExitCode {
            return error.rawValue
        } catch {
            // `--help` and `help COMMAND` parse to a help command whose run asks for the help text.
            if OptraceCommand.exitCode(for: error) == .success {
                console.write(OptraceCommand.fullMessage(for: error) + "\n")
                return 0
            }
            console.error("optrace: \(error)\n")
            return 1
        }
    }
}
