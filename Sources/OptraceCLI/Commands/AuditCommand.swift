import ArgumentParser
import OptraceCore

/// `optrace audit`: a network's backward pass checked against central differences (§8.4).
public struct AuditCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check a network's gradients against central differences.",
        discussion: """
            SCENARIO is a network scenario (one with model:), by default the chapter's xor cell. At the \
            network's initial weights and on its whole data set, every parameter's derivative is computed \
            three ways: by the tape (reverse-mode autodiff), by the backward pass written out by hand \
            (EQ M8.2 at the output, EQ M8.3 for each hidden layer), and by central differences \
            (ε = 1e-5, two forward passes per parameter). The verdict is numpy.allclose's at \
            rtol 1e-5 and atol 1e-7. --sabotage tanh-gate drops the hidden layers' (1 − H²) from the \
            hand-written pass, and the verdict flips. Like a test, audit exits 0 when both passes agree \
            with central differences and 1 when one does not. Examples:
              optrace audit
              optrace audit xor --sabotage tanh-gate
            """
    )

    @Argument(help: "A network scenario file or name (default: xor).")
    public var scenario: String?

    @Option(help: "Break the hand-written backward pass on purpose: \(NetworkGradient.Sabotage.allCases.map(\.rawValue).joined(separator: ", ")).")
    public var sabotage: String?

    @Option(parsing: .unconditional, help: "Draw the initial weights with this seed instead of the scenario's.")
    public var seed: String?

    @Flag(help: "Print the audit as JSON (every parameter) instead of the table.")
    public var json = false

    /// The most parameters the table lists (the largest disagreements first beyond it).
    static let tableRows = 24

    public init() {}

    public func validate() throws {
        _ = try ArgumentChecks.seed(seed, name: "--seed")
        if let sabotage, NetworkGradient.Sabotage(rawValue: sabotage) == nil {
            let names = NetworkGradient.Sabotage.allCases.map(\.rawValue)
            throw ValidationError("--sabotage: unknown sabotage '\(sabotage)'\(Suggestion.hint(for: sabotage, in: names)); expected one of \(names.joined(separator: ", "))")
        }
    }

    public func run() throws {
        let console = Console.current
        guard case .model(var scenario) = try ScenarioLocator.loadDocument(self.scenario ?? "xor") else {
            throw CLIError("\(self.scenario ?? "xor"): is a surface scenario; audit checks a network's gradients, so it needs a scenario with model: (such as xor)")
        }
        if let seed = try ArgumentChecks.seed(seed, name: "--seed") {
            scenario.initialization = NetworkInitialization(scale: scenario.initialization.scale, seed: seed)
        }
        let broken = sabotage.flatMap(NetworkGradient.Sabotage.init(rawValue:))
        if broken == .tanhGate && scenario.shape.hidden != .tanh {
            throw CLIError("--sabotage tanh-gate: the hidden layers of \(scenario.name) are \(scenario.shape.hidden.rawValue), not tanh")
        }
        let audit = NetworkAudit(
            scenario.shape, theta: scenario.initialParameters, inputs: scenario.data.inputs, targets: scenario.data.targets,
            sabotage: broken)
        console.print(json ? Self.json(audit, scenario).serialized() : Self.table(audit, scenario))
        if !(audit.tapeAgrees && audit.handAgrees) { throw ExitCode(1) }
    }

    static func scientific(_ v: Double) -> String { NumberFormat.scientific(v, 2) }

    static func table(_ audit: NetworkAudit, _ scenario: ModelScenario) -> String {
        let n = audit.rows.count
        var lines = ["gradient audit of \(scenario.name): \(scenario.shape.widths.map(String.init).joined(separator: "-")) \(scenario.shape.hidden.rawValue)/\(scenario.shape.output.rawValue), \(scenario.shape.loss.rawValue), \(n) parameters at the initial weights, \(scenario.data.count) examples, loss \(NumberFormat.fixedSignificant(audit.loss, 6))"]
        if let sabotage = audit.sabotage { lines.append("sabotage: \(sabotage.rawValue) (the hand-written pass drops the (1 − H²) gate)") }
        lines.append("")
        var shown = Array(audit.rows.indices)
        if n > tableRows {
            shown = Array(shown.sorted { abs(audit.rows[$0].byHand - audit.rows[$0].numerical) > abs(audit.rows[$1].byHand - audit.rows[$1].numerical) }.prefix(tableRows)).sorted()
        }
        let nameWidth = max(9, shown.map { audit.rows[$0].name.count }.max() ?? 0)
        func cell(_ v: Double) -> String { let t = NumberFormat.fixed(v, 10); return String(repeating: " ", count: max(0, 14 - t.count)) + t }
        lines.append("parameter".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "            tape         by hand       numerical   |hand − num|")
        for i in shown {
            let row = audit.rows[i]
            lines.append(row.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  " + cell(row.tape) + "  " + cell(row.byHand) + "  " + cell(row.numerical) + "  " + scientific(abs(row.byHand - row.numerical)).leftPadded(13))
        }
        if n > tableRows { lines.append("(the \(tableRows) parameters where the hand-written pass differs most; --json lists all \(n))") }
        lines.append("")
        lines.append("max |analytic - numerical| = \(scientific(audit.handError))   (hand-written backward, EQ M8.2/M8.3)")
        lines.append("max |tape - numerical|     = \(scientific(audit.tapeError))   (reverse-mode tape)")
        lines.append("max |tape - hand|          = \(scientific(audit.tapeHandDifference))")
        lines.append("np.allclose verdict: \(audit.handAgrees ? "True" : "False") (hand-written), \(audit.tapeAgrees ? "True" : "False") (tape)   rtol 1e-05, atol 1e-07")
        lines.append("")
        lines.append("cost: backprop = \(audit.passes.backpropagation) passes total; numerical = \(audit.passes.numerical) passes for \(n) params")
        return lines.joined(separator: "\n")
    }

    static func json(_ audit: NetworkAudit, _ scenario: ModelScenario) -> JSONValue {
        .object([
            ("scenario", .string(scenario.name)),
            ("sabotage", audit.sabotage.map { .string($0.rawValue) } ?? .null),
            ("loss", .finite(audit.loss)),
            ("epsilon", .number(NetworkAudit.epsilon)),
            ("rtol", .number(NetworkAudit.relativeTolerance)),
            ("atol", .number(NetworkAudit.absoluteTolerance)),
            ("max_hand_error", .finite(audit.handError)),
            ("max_tape_error", .finite(audit.tapeError)),
            ("max_tape_hand_difference", .finite(audit.tapeHandDifference)),
            ("hand_agrees", .bool(audit.handAgrees)),
            ("tape_agrees", .bool(audit.tapeAgrees)),
            ("passes", .object([("backprop", .integer(audit.passes.backpropagation)), ("numerical", .integer(audit.passes.numerical))])),
            ("parameters", .array(audit.rows.map { row in
                .object([("name", .string(row.name)), ("tape", .finite(row.tape)), ("by_hand", .finite(row.byHand)), ("numerical", .finite(row.numerical))])
            })),
        ])
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
