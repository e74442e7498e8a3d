import ArgumentParser

/// Parses an `optrace` command line into its command, without the parser's completion-script check where the line
/// cannot ask for a completion script.
///
/// swift-argument-parser looks for `--generate-completion-script` on every command line by parsing two commands of
/// its own against it (reflecting their options, casting and throwing), about 2 ms of every start, unless the root
/// command has a "super-command" name. A line that holds none of the parser's root requests is parsed first from
/// `ParsingRoot`, which has one and is otherwise `OptraceCommand`; only its root differs, so a line it parses gives the
/// same command with the same values. Everything else (a completion script or help asked for, a line the parser or a
/// command's `validate()` refuses, the `help` subcommand) is parsed again from `OptraceCommand` itself, so every
/// message, help text and script is the parser's own.
enum CommandLineParser {
    /// The command `arguments` (routed, without the program name) ask for.
    static func parse(_ arguments: [String]) throws -> ParsableCommand {
        if !arguments.contains(where: { argument in rootRequests.contains { argument.hasPrefix($0) } }),
           let command = try? ParsingRoot.parseAsRoot(arguments),
           commandTypes.contains(ObjectIdentifier(type(of: command))) {
            return command
        }
        return try OptraceCommand.parseAsRoot(arguments)
    }

    /// The beginnings of the arguments that ask the parser itself for something: a completion script, the
    /// parser's help dump, a shell's completion call.
    static let rootRequests = ["--generate-completion-script", "--experimental-dump-help", "---"]

    /// Every command of the tree under `OptraceCommand` (the parser's own help command is not among them).
    static let commandTypes: Set<ObjectIdentifier> = {
        var found = Set<ObjectIdentifier>()
        var pending: [ParsableCommand.Type] = OptraceCommand.configuration.subcommands
        while let command = pending.popLast() {
            if found.insert(ObjectIdentifier(command)).inserted { pending += command.configuration.subcommands }
        }
        return found
    }()
}

/// `OptraceCommand` with a super-command name, which turns the parser's completion-script check off.
private struct ParsingRoot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: OptraceCommand.configuration.commandName,
        _superCommandName: OptraceCommand.configuration.commandName ?? "optrace",
        version: OptraceCommand.configuration.version,
        subcommands: OptraceCommand.configuration.subcommands
    )
}
