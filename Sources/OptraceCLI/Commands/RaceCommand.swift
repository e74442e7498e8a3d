import ArgumentParser
import Foundation
import OptraceCore

/// `optrace race`: runs a scenario's race, prints the scoreboard and writes its data and pictures.
public struct RaceCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "race",
        abstract: "Run a race and write its scoreboard, trajectories and pictures.",
        discussion: """
            SCENARIO is a path to a .yaml file or the name of a scenario in ./scenarios or built in \
            (see 'optrace list scenarios'). Without it, the built-in valley-bump race of the textbook \
            chapter runs. Results go to output/<scenario name>/ unless --out names a folder.
            """
    )

    @Argument(help: "A scenario file or name (default: valley-bump).")
    public var scenario: String?

    @Option(help: "Noise seed (overrides the scenario's).")
    public var seed: Int?

    @Option(help: "Number of steps (overrides the scenario's; 1 to \(Scenario.maximumSteps)).")
    public var steps: Int?

    @Option(help: "Output folder (default: output/<scenario name>).")
    public var out: String?

    @Flag(help: "Print nothing but errors.")
    public var quiet = false

    public init() {}

    public func validate() throws {
        if let seed, seed < 0 { throw ValidationError("--seed: expected a whole number ≥ 0, found \(seed)") }
        if let steps, !(1...Scenario.maximumSteps).contains(steps) {
            throw ValidationError("--steps: expected a whole number from 1 to \(Scenario.maximumSteps), found \(steps)")
        }
        if let out, out.isEmpty { throw ValidationError("--out: expected a folder path, found an empty string") }
    }

    public func run() throws {
        let console = Console.current
        var scenario = try ScenarioLocator.load(self.scenario)
        if let seed { scenario = scenario.with(seed: UInt64(seed)) }
        if let steps { scenario = scenario.with(steps: steps) }
        let folderPath = out ?? "output/\(scenario.name)"
        try OutputFolder.check(folderPath)

        let result = scenario.run()
        if !quiet {
            console.print(ScoreboardTable.render(result, title: headline(scenario)))
            console.print(ScoreboardTable.compact(result))
        }
        let folder = try OutputFolder(preparing: folderPath)
        try AtomicFile.write(TrajectoryCSV.render(result), to: folder.file("trajectory.csv"))
        try AtomicFile.write(ScoreboardJSON.document(scenario, result).serialized(), to: folder.file("scoreboard.json"))
        if !quiet {
            console.print("wrote \(folder.path)/: trajectory.csv, scoreboard.json")
        }
    }

    func headline(_ scenario: Scenario) -> String {
        let noise = scenario.noise
        let sigma = noise.sigma.x == noise.sigma.y
            ? NumberFormat.short(noise.sigma.x) : "[\(NumberFormat.short(noise.sigma.x)), \(NumberFormat.short(noise.sigma.y))]"
        let noiseText = noise.sigma == .zero ? "no noise" : "σ=\(sigma)\(noise.batch > 1 ? " B=\(noise.batch)" : "") seed \(noise.seed)"
        return "\(scenario.title) — \(scenario.name), \(scenario.steps) steps, \(noiseText)"
    }
}
