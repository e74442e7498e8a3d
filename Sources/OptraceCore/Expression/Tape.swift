/// A compiled expression: a flat instruction array over input slots, evaluated forward and swept backward
/// (reverse-mode automatic differentiation).
///
/// Two forms are kept: the graph as written (for `trace(at:)`, no folding) and a folded, fused program
/// (for `value(at:)` and `gradient(at:)`). Both use the derivative conventions of the chapter: the forward
/// pass records each node's value and local derivatives, then one reverse sweep accumulates
/// ∂f/∂node = Σ over children ∂f/∂child · ∂child/∂node from ∂f/∂f = 1. A zero local derivative passes
/// nothing back, even when the child's adjoint is infinite (so `sqrt` at 0 under a `x^2` yields 0, not NaN).
public struct Tape: Sendable {
    public let variables: [String]
    let graph: TapeGraph
    let program: TapeProgram

    /// Compiles `expression` over `variables` (each a valid name that is not a constant or function).
    /// Throws "undefined variable 'z' (expected one of: x, y)" at the variable's source column (0 when unknown).
    public init(_ expression: Expression, variables: [String]) throws(ExpressionError) {
        var seen: Set<String> = []
        for name in variables {
            if MathConstant(rawValue: name) != nil || MathFunction(rawValue: name) != nil {
                throw ExpressionError(message: "'\(name)' cannot be a variable name: it is a built-in constant or function", column: 0)
            }
            if !seen.insert(name).inserted {
                throw ExpressionError(message: "variable '\(name)' is listed twice", column: 0)
            }
        }
        self.variables = variables
        graph = try TapeGraph(expression, variables: variables)
        program = TapeProgramBuilder.compile(graph)
    }

    /// Number of nodes of the tape as written (inputs, constants and operations): the rows of the trace.
    public var nodeCount: Int { graph.nodes.count }

    /// Number of steps of the compiled (folded and fused) program that `value` and `gradient` run.
    public var instructionCount: Int { program.instructions.count }

    /// f at `inputs` (one value per variable, in `variables` order).
    public func value(at inputs: [Double]) -> Double {
        precondition(inputs.count == variables.count, "expected \(variables.count) inputs, got \(inputs.count)")
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: program.scratchSize) { buffer in
            let scratch = buffer.baseAddress!
            program.prepare(scratch)
            for i in inputs.indices { scratch[i] = inputs[i] }
            return program.value(scratch: scratch)
        }
    }

    /// f and ∂f/∂variable at `inputs`, by one forward pass and one reverse sweep.
    public func gradient(at inputs: [Double]) -> (value: Double, gradient: [Double]) {
        precondition(inputs.count == variables.count, "expected \(variables.count) inputs, got \(inputs.count)")
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: program.scratchSize) { buffer in
            let scratch = buffer.baseAddress!
            program.prepare(scratch)
            for i in inputs.indices { scratch[i] = inputs[i] }
            let f = program.valueAndGradient(scratch: scratch)
            let adjoints = scratch + program.adjointOffset
            return (f, (0..<variables.count).map { adjoints[$0] })
        }
    }

    /// Every node of the tape as written, with values, local derivatives and adjoints at `inputs`.
    public func trace(at inputs: [Double]) -> TapeTrace {
        precondition(inputs.count == variables.count, "expected \(variables.count) inputs, got \(inputs.count)")
        let nodes = graph.nodes
        var values = [Double](repeating: 0, count: nodes.count)
        var locals = [[Double]](repeating: [], count: nodes.count)
        for (i, node) in nodes.enumerated() {
            let x = node.inputs.map { values[$0] }
            (values[i], locals[i]) = TapeGraph.forward(node.operation, x, inputs: inputs)
        }
        var adjoints = [Double](repeating: 0, count: nodes.count)
        adjoints[graph.root] = 1
        for i in nodes.indices.reversed() {
            for (input, local) in zip(nodes[i].inputs, locals[i]) where local != 0 {
                adjoints[input] += adjoints[i] * local
            }
        }
        let traced = nodes.indices.map { i in
            TapeTrace.Node(
                index: i, operation: graph.label(of: nodes[i]), inputs: nodes[i].inputs,
                value: values[i], localDerivatives: locals[i], adjoint: adjoints[i])
        }
        return TapeTrace(nodes: traced, root: graph.root, value: values[graph.root], gradient: Array(adjoints[0..<variables.count]))
    }
}
