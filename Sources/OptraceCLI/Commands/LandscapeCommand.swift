import ArgumentParser
import OptraceCore
import OptracePictures

/// `optrace landscape`: a network race's loss on a plane through the trained weights, with the paths projected.
public struct LandscapeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "landscape",
        abstract: "Draw a network's loss on a plane through its trained weights, with the racers' paths.",
        discussion: """
            Trains the racers of a network scenario (default xor), then evaluates the loss on the plane \
            θ* + α·d₁ + β·d₂ through θ*, the best racer's final weights. --directions random (default) \
            takes two seeded Gaussian directions, filter-normalised (Li et al. 2018: each unit's part \
            rescaled to the norm of its weights, biases not moved); --directions pca the top two principal \
            directions of the racers' trajectories. Each path is projected onto the plane, and the legend \
            says how much of it the plane holds. Writes landscape.png and landscape.csv (each path's α, β \
            and loss) into output/<name>-landscape/ or --out.
            """
    )

    @Argument(help: "A network scenario file or name (default: xor).")
    public var scenario: String?

    @Option(help: "The plane's directions: random or pca.")
    public var directions: String = "random"

    @Option(parsing: .unconditional, help: "Seed of the random directions.")
    public var seed: String?

    @Option(parsing: .unconditional, help: "Lattice columns (rows are three quarters of them), 11 to 401.")
    public var resolution: Int = 121

    @Option(help: "Output folder (default: output/<scenario name>-landscape).")
    public var out: String?

    @OptionGroup public var output: OutputOptions

    public init() {}

    public func validate() throws {
        if LandscapeSlice.Directions(rawValue: directions) == nil {
            let names = LandscapeSlice.Directions.allCases.map(\.rawValue)
            throw ValidationError("--directions: unknown directions '\(directions)'\(Suggestion.hint(for: directions, in: names)); expected one of \(names.joined(separator: ", "))")
        }
        if !(11...401).contains(resolution) { throw ValidationError("--resolution: expected a whole number from 11 to 401, found \(resolution)") }
        _ = try ArgumentChecks.seed(seed, name: "--seed")
        try ArgumentChecks.outputFolder(out)
    }

    public func run() throws {
        let console = Console.current
        guard case .model(let scenario) = try ScenarioLocator.loadDocument(self.scenario ?? "xor") else {
            throw CLIError("\(self.scenario ?? "xor"): is a surface scenario, already a plane; landscape slices a network's loss, so it needs a scenario with model: (such as xor)")
        }
        let run = try OutputRun.begin(out ?? "output/\(scenario.name)-landscape", plan: .landscape)
        defer { run.finish() }
        let every = max(1, (scenario.epochs + 199) / 200)
        let race = ModelRace(scenario, snapshotEvery: every)
        try Interruption.check()
        let kind = LandscapeSlice.Directions(rawValue: directions)!
        let slice = LandscapeSlice(race, directions: kind, seed: try ArgumentChecks.seed(seed, name: "--seed") ?? 0, columns: resolution, rows: max(9, resolution * 3 / 4))
        try Interruption.check()
        let files = try LandscapePictures.write(slice, race: race, into: run.folder, render: !output.noRender)
        if !output.quiet {
            console.print("loss of \(scenario.name) on a plane through \(slice.centreRacer)'s final weights (\(kind == .random ? "filter-normalised random directions" : "top two principal directions"))")
            if let explained = slice.explained { console.print("the two directions explain \(NumberFormat.fixed(100 * explained, 1))% of the paths' spread around θ*") }
            for (racer, share) in zip(scenario.racers, slice.shares) {
                console.print("  \(racer.name): \(share.map { "\(NumberFormat.fixed(100 * $0, 1))% of its path in the plane" } ?? "stays at θ*")")
            }
            console.print("wrote \(run.folder.path)/: \(files.joined(separator: ", "))")
        }
    }
}

extension LandscapeCommand: DrawingCommand {
    var drawsPictures: Bool { !output.noRender }
}
