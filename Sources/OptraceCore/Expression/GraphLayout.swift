/// Where each node of a traced expression graph sits: columns left to right in topological order, rows within.
///
/// An operation's column is one more than the highest column of its operands, so every edge points right and
/// the root ends in the last column. An input or a constant sits one column before its first reader (the
/// chapter's stepper draws b beside u = w·x, and the target y beside a = σ(z)). Within a column, nodes follow
/// the readers they feed from top to bottom (then the operand's position, then tape order), so operands sit
/// beside the node that reads them. Geometry only: the picture is drawn elsewhere.
public struct GraphLayout: Sendable, Equatable {
    /// A node's column (0 = leftmost) and row within its column (0 = top).
    public struct Place: Sendable, Equatable {
        public var column: Int
        public var row: Int
    }

    /// An edge from operand `from` into node `to`, as operand number `operand` of `to`.
    public struct Edge: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var operand: Int
    }

    /// One place per node of the trace.
    public let places: [Place]
    /// The number of nodes in each column.
    public let rowCounts: [Int]
    /// Every edge, in the order of the nodes that read them.
    public let edges: [Edge]

    /// The layout of `trace`'s graph.
    public init(_ trace: TapeTrace) {
        let nodes = trace.nodes
        let count = nodes.count
        var edges: [Edge] = []
        var readers = [[Edge]](repeating: [], count: count)
        for node in nodes {
            for (k, input) in node.inputs.enumerated() {
                let edge = Edge(from: input, to: node.index, operand: k)
                edges.append(edge)
                readers[input].append(edge)
            }
        }
        // Operations after their operands (the tape is in post-order); leaves start at 0.
        var column = [Int](repeating: 0, count: count)
        for node in nodes where !node.inputs.isEmpty {
            column[node.index] = 1 + node.inputs.map { column[$0] }.max()!
        }
        for node in nodes where node.inputs.isEmpty && !readers[node.index].isEmpty {
            column[node.index] = readers[node.index].map { column[$0.to] }.min()! - 1
        }
        let columns = (column.max() ?? 0) + 1
        // Rows from the right: a column's order depends on the positions of the readers already placed.
        var members = [[Int]](repeating: [], count: columns)
        for i in 0..<count { members[column[i]].append(i) }
        var row = [Int](repeating: 0, count: count)
        var height = [Double](repeating: 0.5, count: count)
        for c in stride(from: columns - 1, through: 0, by: -1) {
            let key: (Int) -> (Double, Int, Int) = { i in
                let first = readers[i].min { (height[$0.to], $0.operand) < (height[$1.to], $1.operand) }
                return (first.map { height[$0.to] } ?? 0, first?.operand ?? 0, i)
            }
            let ordered = members[c].sorted { key($0) < key($1) }
            for (r, i) in ordered.enumerated() {
                row[i] = r
                height[i] = (Double(r) + 0.5) / Double(ordered.count)
            }
            members[c] = ordered
        }
        places = (0..<count).map { Place(column: column[$0], row: row[$0]) }
        rowCounts = members.map(\.count)
        self.edges = edges
    }

    /// The number of columns.
    public var columnCount: Int { rowCounts.count }

    /// The most nodes in one column.
    public var tallestColumn: Int { rowCounts.max() ?? 0 }

    /// Node `i`'s centre in the unit square: x from 0 (first column) to 1 (last), y from 0 (top) to 1, each
    /// column's nodes spread evenly over the height.
    public func position(of i: Int) -> (x: Double, y: Double) {
        let place = places[i]
        let x = columnCount == 1 ? 0.5 : Double(place.column) / Double(columnCount - 1)
        return (x, (Double(place.row) + 0.5) / Double(rowCounts[place.column]))
    }
}
