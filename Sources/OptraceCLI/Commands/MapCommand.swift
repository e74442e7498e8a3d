import ArgumentParser
import Foundation
import OptraceCore
import OptracePictures

/// `optrace map`: runs a racer from every point of a grid over the domain and maps where each start ends.
public struct MapCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Map the basins of attraction: run a racer from every start of a grid over the domain.",
        discussion: """
            Each start of a COLUMNSxROWS grid spanning the scenario's domain (edges included) runs the \
            racer for --steps steps with the scenario's noise (the same for every start). A start is \
            coloured by the known minimum it reached (within --tolerance of the domain's diagonal), else by \
            its final loss, or marked diverged, over the contours of f. Writes map.csv and map.png into \
            --out (default output/<scenario>/map-<racer>/).
            """
    )

    @Argument(help: "A scenario file or name.")
    public var scenario: String

    @Option(help: "The racer (its name in the scenario).")
    public var racer: String

    @Option(help: "Starts per axis, COLUMNSxROWS.")
    public var grid: String = "200x150"

    @Option(parsing: .unconditional, help: "Steps per run (default: the scenario's).")
    public var steps: Int?

    @Option(parsing: .unconditional, help: "A run has reached a minimum when it ends within this fraction of the domain's diagonal of it.")
    public var tolerance: Double = 0.05

    @Option(help: "Output folder (default: output/<scenario>/map-<racer>).")
    public var out: String?

    @OptionGroup public var output: OutputOptions

    @OptionGroup public var parallel: ThreadOptions

    public init() {}

    public func validate() throws {
        try ArgumentChecks.steps(steps)
        if !(tolerance.isFinite && tolerance > 0 && tolerance < 1) {
            throw ValidationError("--tolerance: expected a number between 0 and 1, found \(tolerance)")
        }
        try ArgumentChecks.outputFolder(out)
    }

    /// Parses `COLUMNSxROWS`.
    static func parseGrid(_ text: String) throws -> (Int, Int) {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]) else {
            throw CLIError("--grid '\(text)': expected COLUMNSxROWS, for example 200x150")
        }
        guard columns >= 2, rows >= 2 else {
            throw CLIError("--grid '\(text)': expected at least 2 starts per axis, found \(columns)x\(rows)")
        }
        guard columns.multipliedReportingOverflow(by: rows).partialValue <= StartMap.maximumStarts,
            columns <= StartMap.maximumStarts, rows <= StartMap.maximumStarts
        else {
            throw CLIError("--grid '\(text)': too many starts; the limit is \(StartMap.maximumStarts) (for example 1000x1000)")
        }
        return (columns, rows)
    }

    public func run() throws {
        WorkerThreads.start(unless: parallel.threads)
        let console = Console.current
        let scenario = try ScenarioLocator.load(self.scenario)
        let racer = try TuneSweepCommand.racer(named: self.racer, in: scenario)
        let (columns, rows) = try Self.parseGrid(grid)
        let steps = self.steps ?? scenario.steps
        let run = try OutputRun.begin(out ?? "output/\(scenario.name)/map-\(TuneSweepCommand.slug(racer.name))", plan: .map)
        defer { run.finish() }
        let folder = run.folder

        let map = StartMap(
            surface: scenario.surface, racer: racer, noise: scenario.noise, steps: steps, columns: columns, rows: rows,
            tolerance: tolerance, threads: parallel.threads)
        try Interruption.check()
        try AtomicFile.write(map.csv(), to: folder.file("map.csv"))
        var written = ["map.csv"]
        if !output.noRender { written += try StartMapPicture.write(map, scenario: scenario, racer: racer, steps: steps, to: folder) }
        if !output.quiet {
            let noise = racer.noisy && scenario.noise.sigma != .zero ? "noise seed \(scenario.noise.seed)" : "no noise"
            console.print("map of \(racer.name) (\(racer.hyperparameterLabel)) on \(scenario.name): \(columns)×\(rows) starts, \(steps) steps, \(noise)")
            let shares = map.shares
            for (i, m) in map.minima.enumerated() {
                console.print("  \(percent(shares.minima[i])) reach (\(NumberFormat.fixedSignificant(m.point.x, 4)), \(NumberFormat.fixedSignificant(m.point.y, 4))), f = \(NumberFormat.fixedSignificant(m.value, 4))\(m.isGlobal ? " (global)" : " (local)")")
            }
            console.print("  \(percent(shares.elsewhere)) end near no known minimum")
            console.print("  \(percent(shares.diverged)) diverge")
            console.print("wrote \(folder.path)/: \(written.joined(separator: ", "))")
        }
    }

    func percent(_ fraction: Double) -> String {
        let text = NumberFormat.fixed(100 * fraction, 1) + "%"
        return String(repeating: " ", count: max(0, 6 - text.count)) + text
    }
}
