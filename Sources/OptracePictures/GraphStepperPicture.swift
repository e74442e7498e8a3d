import Foundation
import OptraceCore
import OptracePlot

/// The graph stepper as pictures: `graph.png` (the computation graph with every value, local derivative and
/// adjoint) and `stepper.apng` (the forward pass node by node, then the backward sweep node by node; also as
/// `stepper.gif`, `.mp4`, `.webm` or `.webp` on request).
///
/// The graph is laid out by `GraphLayout`; each frame is a `GraphScene` in which more is known than in the one
/// before. Forward frame k computes node k: its value, and the local derivative (blue) on each edge into it.
/// Backward frame k sweeps the k-th node from the root: its ∂f/∂node (mint) is complete, and each edge into it
/// carries ∂f/∂node · local derivative back to its operand.
public enum GraphStepperPicture {
    /// Frames per second of the stepper's animation.
    public static let fps = 1.5

    /// The largest graph drawn: nodes (each gives two frames), columns and nodes in one column. A graph a reader
    /// can follow box by box is far smaller; these keep the picture within a few thousand pixels.
    public static let maximumNodes = 80
    public static let maximumColumns = 24
    public static let maximumRows = 10

    /// Why the graph of `tape` is too large to draw, or nil when it is not.
    public static func refusal(_ tape: Tape, at inputs: [Double]) -> String? {
        let trace = tape.trace(at: inputs)
        let layout = GraphLayout(trace)
        let shape = "\(trace.nodes.count) nodes in \(layout.columnCount) columns, up to \(layout.tallestColumn) in one"
        guard trace.nodes.count > maximumNodes || layout.columnCount > maximumColumns || layout.tallestColumn > maximumRows
        else { return nil }
        return "the graph has \(shape); pictures are drawn for at most \(maximumNodes) nodes in \(maximumColumns) columns of at most \(maximumRows)"
    }

    /// Draws the graph of `tape` at `inputs` and writes `graph.png` and the stepper's animation (`stepper.apng`, and
    /// the other `animations` formats) into `folder`; returns the names written. The caller checks `refusal` first
    /// and draws only graphs it accepts.
    public static func write(
        tape: Tape, inputs: [Double], source: String, stepNames: [String], learningRate: Double, to folder: OutputFolder,
        animations: [AnimationFormat] = [.apng]
    ) throws -> [String] {
        precondition(refusal(tape, at: inputs) == nil, "a graph too large to draw")
        let frames = scenes(tape: tape, inputs: inputs, source: source, stepNames: stepNames, learningRate: learningRate)
        let final = frames.final
        let size = GraphRenderer.fittingSize(
            columns: frames.layout.columnCount, rows: frames.layout.tallestColumn, readouts: final.readouts.count)
        try Interruption.check()
        let picture = GraphRenderer(scene: final, width: size.width, height: size.height, scale: 1.5).render()
        let png = try PictureCancellation.png(picture)
        var written = ["graph.png"]
        if !animations.isEmpty {
            // Frames one at a time: the encoders keep only the previous one to encode each frame's change.
            let render = { (k: Int) in GraphRenderer(scene: frames.steps[k], width: size.width, height: size.height, scale: 1).render() }
            let first = render(0)
            let plan = AnimationPlan.sampling(
                formats: animations, width: first.width, height: first.height, frameCount: frames.steps.count,
                timing: AnimationTiming(fps: fps, finalHold: 3), frame: { $0 == 0 ? first : render($0) })
            let files = try AnimationFiles(plan: plan, base: "stepper", folder: folder)
            for k in frames.steps.indices {
                try Interruption.check()
                try files.encoders.append(image: k == 0 ? first : render(k))
            }
            try Interruption.check()
            try AtomicFile.write(png, to: folder.file("graph.png"))
            written += try files.commit()
        } else {
            try AtomicFile.write(png, to: folder.file("graph.png"))
        }
        return written
    }

    /// The finished graph, and one scene per forward and per backward step (2 × the node count), in order.
    public static func scenes(
        tape: Tape, inputs: [Double], source: String, stepNames: [String], learningRate: Double
    ) -> (layout: GraphLayout, final: GraphScene, steps: [GraphScene]) {
        let trace = tape.trace(at: inputs)
        let layout = GraphLayout(trace)
        let count = trace.nodes.count
        let title = "Graph stepper: f = \(source)"
        let at = zip(tape.variables, inputs).map { "\($0) = \(NumberFormat.short($1))" }.joined(separator: ", ")
        let subtitle = "at \(at) · forward: values and local derivatives (blue) · backward: ∂f/∂node (mint), one sweep"
        // The backward sweep visits the nodes in reverse tape order from the root: every reader of a node comes
        // after it on the tape, so its ∂f/∂node is complete when the sweep reaches it.
        let sweep = Array((0...trace.root).reversed())
        let stepLine = self.stepLine(tape: tape, inputs: inputs, trace: trace, stepNames: stepNames, learningRate: learningRate)

        func scene(computed: Int, swept: Int, phase: String, current: Int?, backward: Bool) -> GraphScene {
            let sweptNodes = Set(sweep.prefix(swept))
            let nodes = trace.nodes.map { node -> GraphScene.Node in
                let (x, y) = layout.position(of: node.index)
                return GraphScene.Node(
                    title: Self.title(of: node, isRoot: node.index == trace.root), kind: kind(of: node, root: trace.root),
                    x: x, y: y, value: node.index < computed ? number(node.value) : nil,
                    adjoint: sweptNodes.contains(node.index) ? number(node.adjoint) : nil, isCurrent: node.index == current)
            }
            let edges = layout.edges.map { edge -> GraphScene.Edge in
                let reader = trace.nodes[edge.to]
                let local = reader.localDerivatives[edge.operand]
                return GraphScene.Edge(
                    from: edge.from, to: edge.to, local: edge.to < computed ? number(local) : nil,
                    carried: sweptNodes.contains(edge.to) ? number(local == 0 ? 0 : reader.adjoint * local) : nil,
                    isCurrent: edge.to == current)
            }
            let value = computed > trace.root ? number(trace.value) : "—"
            var readouts = ["f = \(value)"]
            let gradient = zip(tape.variables, trace.gradient).enumerated().map { i, pair in
                "∂f/∂\(pair.0) = \(sweptNodes.contains(i) ? number(pair.1) : "—")"
            }
            readouts.append(gradient.joined(separator: "    "))
            if let stepLine { readouts.append(backward && swept == sweep.count ? stepLine : " ") }
            return GraphScene(title: title, subtitle: subtitle, phase: phase, nodes: nodes, edges: edges, readouts: readouts)
        }

        var steps: [GraphScene] = []
        for k in 1...count {
            steps.append(scene(computed: k, swept: 0, phase: "FORWARD \(k) / \(count): values and local derivatives →",
                               current: k - 1, backward: false))
        }
        for k in 1...sweep.count {
            steps.append(scene(computed: count, swept: k, phase: "← BACKWARD \(k) / \(sweep.count): ∂f/∂node, one sweep",
                               current: sweep[k - 1], backward: true))
        }
        let final = scene(computed: count, swept: sweep.count, phase: "forward and backward done: every value, local derivative and ∂f/∂node",
                          current: nil, backward: true)
        return (layout, final, steps)
    }

    /// "One gradient step, η = 1 on w, b: f = 0.0392 (was 0.0713)", as `optrace grad` prints it; nil without a step.
    static func stepLine(tape: Tape, inputs: [Double], trace: TapeTrace, stepNames: [String], learningRate: Double) -> String? {
        guard !stepNames.isEmpty else { return nil }
        let after = GradientStep(tape: tape, inputs: inputs, gradient: trace.gradient, names: stepNames, learningRate: learningRate).value
        return "one gradient step, η = \(NumberFormat.short(learningRate)) on \(stepNames.joined(separator: ", ")): "
            + "f = \(NumberFormat.fixed(after, 4)) (was \(NumberFormat.fixed(trace.value, 4)))"
    }

    /// A number as the boxes and edges show it: four significant digits.
    static func number(_ v: Double) -> String { NumberFormat.fixedSignificant(v, 4) }

    static func kind(of node: TapeTrace.Node, root: Int) -> GraphScene.Kind {
        if node.index == root { return .output }
        if node.operation.hasPrefix("input ") { return .input }
        if node.operation.hasPrefix("const ") { return .constant }
        return .operation
    }

    /// The node's name in its box: the variable, the constant, or the operation's symbol (σ for sigmoid).
    static func title(of node: TapeTrace.Node, isRoot: Bool) -> String {
        let label = node.operation
        let symbol: String
        if label.hasPrefix("input ") || label.hasPrefix("const ") {
            symbol = String(label.split(separator: " ", maxSplits: 1)[1])
        } else {
            let symbols = ["add": "+", "sub": "−", "mul": "×", "div": "÷", "pow": "^", "neg": "−( )", "sigmoid": "σ"]
            symbol = symbols[label] ?? label
        }
        return isRoot ? "f: \(symbol)" : symbol
    }
}
