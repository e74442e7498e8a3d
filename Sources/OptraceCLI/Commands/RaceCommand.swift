import ArgumentParser
import Foundation
import OptraceCore
import OptracePictures
import OptracePlot

/// `optrace race`: runs a scenario's race, prints the scoreboard and writes its data and pictures.
public struct RaceCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "race",
        abstract: "Run a race (the default) and write its scoreboard, trajectories and pictures.",
        discussion: """
            SCENARIO is a path to a .yaml file or the name of a scenario in ./scenarios or built in \
            (see 'optrace list scenarios'). Without it, the built-in valley-bump race of the textbook \
            chapter runs. Results go to output/<scenario name>/ unless --out names a folder.
            """
    )

    @Argument(help: "A scenario file or name (default: valley-bump).")
    public var scenario: String?

    // Numeric options take the next argument whatever it looks like, so `--seed -1` is refused
    // by the range check instead of being taken for an option.
    @Option(parsing: .unconditional, help: "Noise seed, 0 to \(UInt64.max) (overrides the scenario's).")
    public var seed: String?

    @Option(parsing: .unconditional, help: "Number of steps (overrides the scenario's; 1 to \(Scenario.maximumSteps)).")
    public var steps: Int?

    @Option(help: "Output folder (default: output/<scenario name>).")
    public var out: String?

    @Flag(help: "Skip frames/ (the animation, summary.png and loss.png are still drawn).")
    public var noFrames = false

    @Option(parsing: .unconditional, help: "Draw every k-th step (the last step always; default 1, or what keeps a long race within \(RaceCommand.maximumFrames) frames).")
    public var every: Int?

    @Option(parsing: .unconditional, help: "Frames per second of the animation (a GIF keeps at most 50, in whole hundredths of a second).")
    public var fps: Double = 30

    @Option(help: "Figure size in pixels, WxH (at scale 1).")
    public var size: String = "800x600"

    @Option(parsing: .unconditional, help: "Pixel scale, e.g. 2 for HiDPI.")
    public var scale: Double = 1

    @Option(parsing: .unconditional, help: "Show only the last N steps of each path, fading out (default: the whole path).")
    public var tail: Int?

    @Option(help: "Colour map: \(Colormap.all.map(\.name).joined(separator: ", ")).")
    public var colormap: String = "viridis"

    /// The largest figure side in pixels (after scaling).
    public static let maximumPixels = 8192
    /// The largest number of frames one race may draw.
    public static let maximumFrames = 20_000

    @OptionGroup public var animations: AnimationOptions

    @OptionGroup public var output: OutputOptions

    @OptionGroup public var parallel: ThreadOptions

    public init() {}

    public func validate() throws {
        _ = try ArgumentChecks.seed(seed, name: "--seed")
        try ArgumentChecks.steps(steps)
        try ArgumentChecks.outputFolder(out)
        if let every, every < 1 { throw ValidationError("--every: expected a whole number ≥ 1, found \(every)") }
        if !fps.isFinite || fps <= 0 || fps > 1000 { throw ValidationError("--fps: expected a number in (0, 1000], found \(fps)") }
        if !scale.isFinite || scale < 0.25 || scale > 8 { throw ValidationError("--scale: expected a number from 0.25 to 8, found \(scale)") }
        if let tail, tail < 1 { throw ValidationError("--tail: expected a whole number ≥ 1, found \(tail)") }
        if Colormap.named(colormap) == nil {
            let names = Colormap.all.map(\.name)
            throw ValidationError("--colormap: unknown colour map '\(colormap)'\(Suggestion.hint(for: colormap, in: names)); expected one of \(names.joined(separator: ", "))")
        }
        let (w, h) = try parsedSize()
        if Double(max(w, h)) * scale > Double(Self.maximumPixels) {
            throw ValidationError("--size/--scale: at most \(Self.maximumPixels) pixels a side, found \(Int(Double(w) * scale))x\(Int(Double(h) * scale))")
        }
    }

    /// `--size` as width and height.
    func parsedSize() throws -> (Int, Int) {
        let parts = size.lowercased().split(separator: "x").map { Int($0) }
        guard parts.count == 2, let w = parts[0], let h = parts[1], w >= 200, h >= 150, w <= Self.maximumPixels, h <= Self.maximumPixels else {
            throw ValidationError("--size: expected WxH with W from 200 and H from 150 up to \(Self.maximumPixels), such as 800x600; found '\(size)'")
        }
        return (w, h)
    }

    public func run() throws {
        WorkerThreads.start(unless: parallel.threads)
        let console = Console.current
        let document = try ScenarioLocator.loadDocument(self.scenario)
        guard case .surface(var scenario) = document else {
            if case .model(let model) = document { try runModel(model) }
            return
        }
        if let seed = try ArgumentChecks.seed(seed, name: "--seed") { scenario = scenario.with(seed: seed) }
        if let steps { scenario = scenario.with(steps: steps) }
        let every = try output.noRender ? 1 : Self.frameStride(steps: scenario.steps, every: self.every)
        if every != (self.every ?? 1) && !output.quiet {
            console.print("drawing one frame every \(every) steps: \(scenario.steps) steps would make \(Self.frameCount(steps: scenario.steps, every: 1)) frames, more than the \(Self.maximumFrames)-frame limit (--every K chooses)")
        }

        let run = try OutputRun.begin(out ?? "output/\(scenario.name)", plan: .race)
        defer { run.finish() }
        let folder = run.folder
        // trajectory.csv is written as the race runs; memory keeps what the pictures and the scoreboard need.
        let recording = TrajectoryRecording.forRace(steps: scenario.steps, drawingEvery: output.noRender ? nil : every)
        let result = try scenario.run(streamingCSVTo: folder.file("trajectory.csv"), recording: recording)
        if !output.quiet {
            console.print(ScoreboardTable.render(result, title: headline(scenario)))
            console.print(ScoreboardTable.compact(result))
        }
        try AtomicFile.write(ScoreboardJSON.document(scenario, result).serialized(), to: folder.file("scoreboard.json"))
        var files = ["trajectory.csv", "scoreboard.json"]
        if !output.noRender {
            let (w, h) = try parsedSize()
            var options = RacePictureOptions()
            options.width = Double(w)
            options.height = Double(h)
            options.scale = scale
            options.every = every
            options.fps = fps
            options.tail = tail
            options.colormap = Colormap.named(colormap)!
            options.writeFrames = !noFrames
            options.animations = try animations.formats()
            options.threads = parallel.threads
            let progress = ProgressBar(console: console, label: "frames", enabled: !output.quiet)
            let written = try RacePictureWriter(scenario: scenario, result: result, options: options)
                .write(into: folder, progress: progress.update)
            files += written.files
        }
        if !output.quiet {
            console.print("wrote \(folder.path)/: \(files.joined(separator: ", "))")
        }
    }

    /// Trains a network scenario's racers: `--seed` draws other initial weights, `--steps` sets the epochs.
    func runModel(_ scenario: ModelScenario) throws {
        let console = Console.current
        var scenario = scenario
        if let seed = try ArgumentChecks.seed(seed, name: "--seed") {
            scenario.initialization = NetworkInitialization(scale: scenario.initialization.scale, seed: seed)
        }
        if let steps {
            guard steps <= ModelScenario.maximumEpochs else {
                throw CLIError("--steps: a network scenario trains for at most \(ModelScenario.maximumEpochs) epochs, found \(steps)")
            }
            scenario.epochs = steps
        }
        let run = try OutputRun.begin(out ?? "output/\(scenario.name)", plan: .race)
        defer { run.finish() }
        let folder = run.folder
        // The boundary animation takes a frame at every k-th epoch, at most about sixty.
        let keepsFrames = !output.noRender && BoundaryPictures.applies(to: scenario)
        let race = ModelRace(scenario, snapshotEvery: keepsFrames ? max(1, (scenario.epochs + 59) / 60) : nil)
        try Interruption.check()
        if !output.quiet {
            console.print("\(scenario.title) — \(scenario.name), \(ModelRacePictures.subtitle(scenario)), \(scenario.epochs) epochs")
            console.print(ModelRaceReport.log(race))
        }
        try AtomicFile.write(ModelRaceReport.trajectoryCSV(race), to: folder.file("trajectory.csv"))
        try AtomicFile.write(ModelRaceReport.scoreboardJSON(race).serialized(), to: folder.file("scoreboard.json"))
        var files = ["trajectory.csv", "scoreboard.json"]
        if !output.noRender {
            files += try ModelRacePictures.write(race, into: folder)
            files += try BoundaryPictures.write(race, into: folder, animations: try animations.formats())
        }
        if !output.quiet {
            console.print("wrote \(folder.path)/: \(files.joined(separator: ", "))")
        }
    }

    /// The number of frames drawn for `steps` steps at every `every`-th step (the start and the last step included).
    static func frameCount(steps: Int, every: Int) -> Int { (steps + every - 1) / every + 1 }

    /// The stride of the frames: `every` when given (refused if it makes too many frames), else 1, or the
    /// smallest stride that keeps a long race within the frame limit.
    static func frameStride(steps: Int, every: Int?) throws -> Int {
        if let every {
            let count = frameCount(steps: steps, every: every)
            if count > maximumFrames {
                throw CLIError("\(steps) steps at --every \(every) make \(count) frames, more than the \(maximumFrames)-frame limit: use --every \((steps + maximumFrames - 2) / (maximumFrames - 1)) or more, or --no-render")
            }
            return every
        }
        return frameCount(steps: steps, every: 1) > maximumFrames ? (steps + maximumFrames - 2) / (maximumFrames - 1) : 1
    }

    func headline(_ scenario: Scenario) -> String {
        "\(scenario.title) — \(scenario.name), \(scenario.steps) steps, \(RaceScenes.noiseText(scenario.noise))"
    }
}
