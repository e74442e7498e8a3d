import ArgumentParser
import Foundation
import OptraceCore
import OptracePictures

/// `optrace grad`: the graph stepper — forward tape, backward sweep, and the central-difference referee.
public struct GradCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "grad",
        abstract: "Differentiate an expression on the tape and check it against central differences.",
        discussion: """
            Prints the forward tape (each node's operation, value and local derivatives), the \
            backward sweep (∂f/∂node, one pass in reverse), then each input's gradient beside its \
            central-difference estimate. Presets: A is 0.5*(sigmoid(w*x+b)-y)^2 at w=1, x=2, b=-1.5, \
            y=1; B is the same with y=0. With --out, also draws the graph: graph.png (every value, \
            local derivative and ∂f/∂node) and stepper.apng (the forward pass node by node, then the \
            backward sweep). Examples:
              optrace grad --preset A
              optrace grad --preset A --out output/stepper
              optrace grad "x^2*y + sin(x)" --at x=1,y=2 --json
            """
    )

    /// The chapter's graph-stepper presets.
    public enum Preset: String, ExpressibleByArgument, CaseIterable, Sendable {
        case A, B

        var preset: StepperPreset { StepperPreset(rawValue: rawValue)! }
        var expression: String { preset.expression }
        var values: [(String, Double)] { preset.values }
    }

    /// The expression's words: collected unparsed, so an expression may start with a minus (`-x^2`).
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The expression (omit with --preset).", valueName: "expression"))
    public var words: [String] = []

    /// The expression as given (its words joined by spaces), nil when none was.
    public var expression: String? { words.isEmpty ? nil : words.joined(separator: " ") }

    @Option(help: "Input values, as name=value,… (repeatable).")
    public var at: [String] = []

    @Option(help: "A preset from the chapter: A or B.")
    public var preset: Preset?

    @Option(help: "Variables to update in one gradient step (comma-separated; presets: w,b).")
    public var step: String?

    @Option(parsing: .unconditional, help: "Learning rate of that step.")
    public var lr: Double = 1

    @Flag(help: "Print {\"value\", \"gradient\", \"numerical\", \"graph\"} (and \"step\") as JSON.")
    public var json = false

    @Option(help: "Also draw the graph into this folder: graph.png and the stepper's animation (stepper.apng).")
    public var out: String?

    @OptionGroup public var animations: AnimationOptions

    public init() {}

    public func validate() throws {
        if let option = words.first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("unknown option '\(option)' (an expression never starts with --)")
        }
        if expression == nil && preset == nil { throw ValidationError("expected an expression or --preset A|B") }
        if expression != nil && preset != nil { throw ValidationError("give an expression or --preset, not both") }
        if !lr.isFinite || lr <= 0 { throw ValidationError("--lr: expected a finite number > 0, found \(lr)") }
        try ArgumentChecks.outputFolder(out)
    }

    public func run() throws {
        let console = Console.current
        let source = preset?.expression ?? expression!
        var values = Dictionary(uniqueKeysWithValues: preset?.values ?? [])
        var given: [String: String] = [:]
        for item in at.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: true) }) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingBlanks }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw CLIError("--at: expected name=value, found '\(item)'")
            }
            guard let value = Double(parts[1]), value.isFinite else {
                throw CLIError("--at \(parts[0]): expected a finite number, found '\(parts[1])'")
            }
            // A preset's value may be overridden once; the same name twice in --at is a mistake.
            if let earlier = given[parts[0]] {
                throw CLIError("--at: '\(parts[0])' is given twice (\(parts[0])=\(earlier) and \(parts[0])=\(parts[1])); give each variable once")
            }
            given[parts[0]] = parts[1]
            values[parts[0]] = value
        }
        let stepNames = step.map { $0.split(separator: ",").map { $0.trimmingBlanks } }
            ?? (preset?.preset.stepNames ?? [])
        let question: GradientQuestion
        do {
            question = try GradientQuestion(source: source, values: values, stepNames: stepNames, learningRate: lr)
        } catch {
            switch error.field {
            case .expression: throw CLIError(error.message, excerpt: error.excerpt)
            case .at: throw CLIError("--at: \(error.message)\(error.missingValue.map { " (give --at \($0)=…)" } ?? "")")
            case .step: throw CLIError("--step: \(error.message)")
            }
        }
        let (tape, inputs, variables) = (question.tape, question.inputs, question.variables)
        var wrote: String?
        if let out {
            if let refusal = GraphStepperPicture.refusal(tape, at: inputs) { throw CLIError("--out: \(refusal)") }
            let run = try OutputRun.begin(out, plan: .grad)
            defer { run.finish() }
            let files = try GraphStepperPicture.write(
                tape: tape, inputs: inputs, source: source, stepNames: stepNames, learningRate: lr, to: run.folder,
                animations: try animations.formats())
            wrote = "wrote \(run.folder.path)/: \(files.joined(separator: ", "))"
        }
        if json {
            console.write(question.document().serialized())
            return
        }
        let trace = tape.trace(at: inputs)
        let numerical = GradientCheck.centralDifferences(tape, at: inputs)
        console.write(GraphStepperReport.render(
            source: source, variables: variables, inputs: inputs, trace: trace, numerical: numerical,
            tape: tape, stepNames: stepNames, learningRate: lr))
        if let wrote { console.print(wrote) }
    }
}
