import ArgumentParser
import Foundation
import OptraceCore

/// `optrace tune merge`: combines the shard files of one sweep into its tune.json, tune.csv and pictures.
public struct TuneMergeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the shards of a sweep (tune --shard I/N) into its results.",
        discussion: """
            Give every tune-shard-I-of-N.json of one sweep (all N of them, each once, all from the same \
            command but for --shard). The merged tune.json and tune.csv equal those of the unsharded sweep.
            """
    )

    @Argument(help: "The shard files.")
    public var shards: [String] = []

    @Option(help: "Output folder (default: the folder of the first shard).")
    public var out: String?

    @OptionGroup public var output: OutputOptions

    public init() {}

    public func run() throws {
        let console = Console.current
        if shards.isEmpty { throw CLIError("tune merge: give the shard files, e.g. optrace tune merge out/tune-shard-*-of-8.json") }
        let result: SweepResult
        do {
            var files: [(path: String, file: TuneShardFile)] = []
            for path in shards { files.append((path, try TuneShardFile.read(path: path))) }
            result = try TuneShardFile.merge(files)
        } catch {
            throw CLIError(error.message)
        }
        let run = try OutputRun.begin(out ?? PathText.parent(shards[0]), plan: .merge)
        defer { run.finish() }
        let folder = run.folder
        let written = try TuneSweepCommand.write(result, to: folder, render: !output.noRender)
        if !output.quiet {
            console.print("merged \(shards.count) shard\(shards.count == 1 ? "" : "s") of \(result.header.racer) on \(result.header.scenario): \(result.cells.count) cells")
            console.print(TuneTable.render(result))
            console.write(TuneTable.summary(result))
            console.print("wrote \(folder.path)/: \(written.joined(separator: ", "))")
        }
    }
}

extension String {
    /// nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
