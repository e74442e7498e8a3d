/// Why a tape's gradient and its central-difference estimate can disagree at a point: the nodes
/// where f is undefined, where a derivative is infinite, or where f has a kink.
///
/// Autodiff differentiates each node where it stands, taking one side at a kink (max, min, abs)
/// and reporting ±∞ or NaN where a function is undefined (log 0, 1/0, √ at 0); a central
/// difference straddles the point, so it averages the two slopes of a kink and reads nonsense
/// across a singularity. These reasons name the node, its operation and its inputs' values.
public enum GradientDisagreement {
    /// The reasons found in `trace`, one line each (empty when no node explains a disagreement).
    public static func reasons(in trace: TapeTrace) -> [String] {
        var reasons: [String] = []
        func name(_ i: Int) -> String {
            let node = trace.nodes[i]
            return node.operation.hasPrefix("input ") ? String(node.operation.dropFirst(6)) : "n\(i)"
        }
        func call(_ node: TapeTrace.Node) -> String { "\(node.operation)(\(node.inputs.map(name).joined(separator: ", ")))" }
        func values(_ node: TapeTrace.Node) -> String {
            node.inputs.map { "\(name($0)) = \(NumberFormat.short(trace.nodes[$0].value))" }.joined(separator: ", ")
        }
        for node in trace.nodes where !node.operation.hasPrefix("input ") && !node.operation.hasPrefix("const ") {
            let arguments = node.inputs.map { trace.nodes[$0].value }
            guard arguments.allSatisfy(\.isFinite) else { continue }
            if !node.value.isFinite {
                reasons.append("n\(node.index) = \(call(node)) is \(NumberFormat.short(node.value)) at \(values(node)): f is not defined there, so neither gradient means anything")
            } else if node.localDerivatives.contains(where: { !$0.isFinite }) {
                reasons.append("n\(node.index) = \(call(node)) has an infinite slope at \(values(node)): f is not differentiable there")
            } else if (node.operation == "max" || node.operation == "min") && arguments.count == 2 && arguments[0] == arguments[1] {
                reasons.append("n\(node.index) = \(call(node)) has equal arguments (\(values(node))): a kink, where autodiff takes one side's slope and the central difference averages both")
            } else if node.operation == "abs" && arguments.first == 0 {
                reasons.append("n\(node.index) = \(call(node)) at \(values(node)): the kink of abs (slopes −1 and 1), where autodiff takes one side and the central difference averages both")
            }
        }
        return reasons
    }
}
