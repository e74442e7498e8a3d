/// The graph stepper as JSON: every node of the trace with its layout place, every edge with its local derivative
/// and the blame it carries back; what `optrace grad --json` prints under `graph` and a browser page draws.
public enum GraphStepperJSON {
    /// `{"root", "columns", "rows", "nodes": [{index, operation, inputs, value, local_derivatives, adjoint,
    /// column, row, x, y}], "edges": [{from, to, operand, local_derivative, carried}]}`. Non-finite numbers are
    /// null; x and y are the node's centre in the unit square (y down).
    public static func graph(_ trace: TapeTrace, layout: GraphLayout) -> JSONValue {
        let nodes = trace.nodes.map { node -> JSONValue in
            let place = layout.places[node.index]
            let (x, y) = layout.position(of: node.index)
            return .object([
                ("index", .integer(node.index)),
                ("operation", .string(node.operation)),
                ("inputs", .array(node.inputs.map { .integer($0) })),
                ("value", .finite(node.value)),
                ("local_derivatives", .array(node.localDerivatives.map { .finite($0) })),
                ("adjoint", .finite(node.adjoint)),
                ("column", .integer(place.column)),
                ("row", .integer(place.row)),
                ("x", .number(x)),
                ("y", .number(y)),
            ])
        }
        let edges = layout.edges.map { edge -> JSONValue in
            let reader = trace.nodes[edge.to]
            let local = reader.localDerivatives[edge.operand]
            return .object([
                ("from", .integer(edge.from)),
                ("to", .integer(edge.to)),
                ("operand", .integer(edge.operand)),
                ("local_derivative", .finite(local)),
                // As the backward sweep adds it: a zero local derivative passes nothing, even an infinite blame.
                ("carried", .finite(local == 0 ? 0 : reader.adjoint * local)),
            ])
        }
        return .object([
            ("root", .integer(trace.root)),
            ("columns", .integer(layout.columnCount)),
            ("rows", .array(layout.rowCounts.map { .integer($0) })),
            ("nodes", .array(nodes)),
            ("edges", .array(edges)),
        ])
    }
}
