import ArgumentParser
import OptraceCore
import OptracePictures

/// `optrace depth`: how gradients vanish or explode through a deep network at initialisation (§8.7).
public struct DepthCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "depth",
        abstract: "Measure the gradient reaching each layer of a deep network at initialisation.",
        discussion: """
            For sigmoid, tanh and ReLU networks initialised with N(0, 1), Xavier and He weights, plain and \
            residual (h + φ(W h + b)), computes ‖∂L/∂h_ℓ‖ for every layer ℓ on one batch, from the tape. \
            Prints what reaches the first layer of what left the last, beside the scalar chains 0.9^L and \
            1.1^L; writes depth.csv (every configuration and layer) and depth.png (the curves on a log axis). \
            Then eight of the configurations train for --train-steps steps of plain SGD (η = 0.01) on a \
            teacher's task, without and with clipping at global norm 1, to see which learn: \
            depth-training.csv and depth-training.png.
            """
    )

    @Option(parsing: .unconditional, help: "Hidden layers (1 to 1000).")
    public var depth: Int = 100

    @Option(parsing: .unconditional, help: "Units per hidden layer (1 to 256).")
    public var width: Int = 16

    @Option(parsing: .unconditional, help: "Seed of the weights, inputs and targets.")
    public var seed: String?

    @Option(parsing: .unconditional, help: "Steps of the training race (0 skips it).")
    public var trainSteps: Int = 100

    @Option(help: "Output folder (default: output/depth).")
    public var out: String?

    @OptionGroup public var output: OutputOptions

    public init() {}

    public func validate() throws {
        if !(1...1000).contains(depth) { throw ValidationError("--depth: expected a whole number from 1 to 1000, found \(depth)") }
        if !(1...256).contains(width) { throw ValidationError("--width: expected a whole number from 1 to 256, found \(width)") }
        _ = try ArgumentChecks.seed(seed, name: "--seed")
        if !(0...100_000).contains(trainSteps) { throw ValidationError("--train-steps: expected a whole number from 0 to 100000, found \(trainSteps)") }
        try ArgumentChecks.outputFolder(out)
    }

    public func run() throws {
        let console = Console.current
        let seed = try ArgumentChecks.seed(seed, name: "--seed") ?? 0
        let run = try OutputRun.begin(out ?? "output/depth", plan: .depth)
        defer { run.finish() }
        let folder = run.folder
        let study = DepthStudy(depth: depth, width: width, seed: seed)
        try Interruption.check()
        if !output.quiet {
            console.print("gradient through \(depth) hidden layers of \(width) units at initialisation (seed \(seed)): ‖∂L/∂h₀‖ / ‖∂L/∂h_\(depth)‖")
            let width = study.probes.map(\.configuration.label.count).max() ?? 0
            for probe in study.probes {
                let label = probe.configuration.label
                console.print("  \(label)\(String(repeating: " ", count: width - label.count))  \(NumberFormat.scientific(probe.ratios[0], 2))")
            }
            for factor in DepthStudy.referenceFactors {
                console.print("  scalar chain \(NumberFormat.short(factor))^\(depth)\(String(repeating: " ", count: max(0, width - 17 - String(depth).count)))  \(NumberFormat.scientific(study.reference(factor)[0], 2))")
            }
        }
        try AtomicFile.write(study.csv, to: folder.file("depth.csv"))
        var files = ["depth.csv"]
        if !output.noRender { files += try DepthPictures.write(study, into: folder) }
        if trainSteps > 0 {
            let training = DepthTraining(depth: depth, width: width, seed: seed, steps: trainSteps)
            try Interruption.check()
            if !output.quiet {
                console.print("")
                console.print("training race: \(trainSteps) steps of SGD (η = \(NumberFormat.short(training.learningRate))) on a teacher's task, without and with clip_norm \(NumberFormat.short(training.clipNorm))")
                let width = DepthConfiguration.shown.map(\.label.count).max() ?? 0
                console.print("  \("".padding(toLength: width, withPad: " ", startingAt: 0))  start     no clipping    clip_norm \(NumberFormat.short(training.clipNorm))")
                for configuration in DepthConfiguration.shown {
                    let runs = training.entries.filter { $0.configuration == configuration }
                    func outcome(_ run: NetworkRun) -> String {
                        run.divergedAt.map { "diverged at \($0)" } ?? NumberFormat.scientific(run.losses.last ?? .nan, 2)
                    }
                    guard let plain = runs.first(where: { !$0.clipped })?.run, let clipped = runs.first(where: { $0.clipped })?.run else { continue }
                    console.print("  \(configuration.label.padding(toLength: width, withPad: " ", startingAt: 0))  \(NumberFormat.scientific(plain.losses[0], 2))  \(outcome(plain).padding(toLength: 13, withPad: " ", startingAt: 0))  \(outcome(clipped))")
                }
            }
            try AtomicFile.write(training.csv, to: folder.file("depth-training.csv"))
            files.append("depth-training.csv")
            if !output.noRender { files += try DepthPictures.writeTraining(training, into: folder) }
        }
        if !output.quiet { console.print("wrote \(folder.path)/: \(files.joined(separator: ", "))") }
    }
}

extension DepthCommand: DrawingCommand {
    var drawsPictures: Bool { !output.noRender }
}
