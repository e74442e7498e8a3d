import OptraceCore

/// The text of `optrace grad`: forward tape, backward sweep, gradient check and one step.
enum GraphStepperReport {
    static func render(
        source: String, variables: [String], inputs: [Double], trace: TapeTrace, numerical: [Double],
        tape: Tape, stepNames: [String], learningRate: Double
    ) -> String {
        func n(_ v: Double) -> String { NumberFormat.fixedSignificant(v, 6) }
        let at = zip(variables, inputs).map { "\($0)=\(NumberFormat.short($1))" }.joined(separator: ", ")
        var out = "f = \(source)\(at.isEmpty ? "" : "   at \(at)")\n\n"

        out += "Forward pass: each node's value and local derivatives, recorded on the tape\n"
        var rows: [[String]] = [["node", "operation", "inputs", "value", "local derivatives ∂node/∂input"]]
        for node in trace.nodes {
            let locals = zip(node.inputs, node.localDerivatives).map { "∂/∂n\($0) = \(n($1))" }.joined(separator: ", ")
            rows.append(["n\(node.index)", node.operation, node.inputs.map { "n\($0)" }.joined(separator: ", "), n(node.value), locals])
        }
        out += table(rows, rightAligned: [3])

        out += "\nBackward sweep: ∂f/∂node = Σ over children ∂f/∂child · ∂child/∂node, last node first\n"
        rows = [["node", "operation", "∂f/∂node"]]
        for node in trace.nodes.reversed() {
            rows.append(["n\(node.index)", node.operation, n(node.adjoint)])
        }
        out += table(rows, rightAligned: [2])

        out += "\nGradient check: autodiff against central differences (h = 1e-6·max(1, |v|))\n"
        rows = [["input", "autodiff ∂f/∂input", "numerical", "rel. error", "verdict"]]
        for (i, name) in variables.enumerated() {
            let a = trace.gradient[i], e = numerical[i]
            rows.append([
                name, n(a), n(e), NumberFormat.fixedSignificant(GradientCheck.relativeError(a, e), 2),
                GradientCheck.agree(a, e) ? "agree" : "DISAGREE",
            ])
        }
        out += table(rows, rightAligned: [1, 2, 3])
        if variables.indices.contains(where: { !GradientCheck.agree(trace.gradient[$0], numerical[$0]) }) {
            let reasons = GradientDisagreement.reasons(in: trace)
            out += "Why they disagree:\n"
            if reasons.isEmpty {
                out += "  no node is undefined, infinitely steep or at a kink here: f changes too fast for the step h (try another point)\n"
            } else {
                for reason in reasons { out += "  \(reason)\n" }
            }
        }
        out += "\nf = \(NumberFormat.fixed(trace.value, 4))"
        for (i, name) in variables.enumerated() { out += "   ∂f/∂\(name) = \(NumberFormat.fixed(trace.gradient[i], 4))" }
        out += "\n"
        if !stepNames.isEmpty {
            let step = GradientStep(tape: tape, inputs: inputs, gradient: trace.gradient, names: stepNames, learningRate: learningRate)
            let moves = stepNames.map { name in "\(name) = \(NumberFormat.fixed(step.inputs[variables.firstIndex(of: name)!], 4))" }
            let after = step.value
            out += "One gradient step, η = \(NumberFormat.short(learningRate)) on \(stepNames.joined(separator: ", ")): "
            out += moves.joined(separator: ", ")
            out += " → f = \(NumberFormat.fixed(after, 4)) (was \(NumberFormat.fixed(trace.value, 4))\(after < trace.value ? ", it drops" : ""))\n"
        }
        return out
    }

    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            var line = "  "
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                line += (rightAligned.contains(i) ? pad + cell : cell + (i == row.count - 1 ? "" : pad))
                if i < row.count - 1 { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
