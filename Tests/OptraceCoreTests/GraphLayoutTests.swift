import Testing

@testable import OptraceCore

/// The stepper's layout: every edge points right, operands sit one column before their first reader, no two nodes
/// share a place.
struct GraphLayoutTests {
    func layout(_ source: String, at values: [String: Double]) throws -> (TapeTrace, GraphLayout) {
        let expression = try Expression(parsing: source)
        let tape = try Tape(expression, variables: expression.variables)
        let trace = tape.trace(at: expression.variables.map { values[$0]! })
        return (trace, GraphLayout(trace))
    }

    func checkShape(_ trace: TapeTrace, _ layout: GraphLayout) {
        #expect(layout.places.count == trace.nodes.count)
        for edge in layout.edges { #expect(layout.places[edge.from].column < layout.places[edge.to].column, "\(edge)") }
        #expect(Set(layout.places.map { "\($0.column),\($0.row)" }).count == trace.nodes.count, "two nodes in one place")
        for (c, count) in layout.rowCounts.enumerated() {
            #expect(layout.places.filter { $0.column == c }.map(\.row).sorted() == Array(0..<count))
        }
        #expect(layout.places[trace.root].column == layout.columnCount - 1)
        #expect(layout.edges.count == trace.nodes.map(\.inputs.count).reduce(0, +))
    }

    @Test func theChaptersGraphReadsLeftToRight() throws {
        let (trace, layout) = try layout("0.5*(sigmoid(w*x+b)-y)^2", at: ["w": 1, "x": 2, "b": -1.5, "y": 1])
        checkShape(trace, layout)
        let names = trace.nodes.map(\.operation)
        func column(_ name: String) -> Int { layout.places[names.firstIndex(of: name)!].column }
        // w·x, then + b, then σ, then − y, then ^2, then 0.5 × it: b beside the product, y beside σ.
        #expect(column("input w") == 0 && column("input x") == 0)
        #expect(column("input b") == 1 && column("mul") == 1)
        #expect(column("add") == 2 && column("sigmoid") == 3 && column("input y") == 3)
        #expect(column("sub") == 4 && column("const 2") == 4 && column("pow") == 5 && column("const 0.5") == 5)
        #expect(layout.columnCount == 7 && layout.rowCounts == [2, 2, 1, 2, 2, 2, 1])
        // Operands in their reader's order: w above x, the product above b, σ above y, the difference above 2.
        #expect(layout.places[names.firstIndex(of: "input w")!].row == 0 && layout.places[names.firstIndex(of: "input b")!].row == 1)
        #expect(layout.places[names.firstIndex(of: "sigmoid")!].row == 0 && layout.places[names.firstIndex(of: "sub")!].row == 0)
        #expect(layout.position(of: trace.root) == (x: 1, y: 0.5))
        #expect(layout.position(of: 0) == (x: 0, y: 0.25))
    }

    @Test func aVariableReadTwiceIsOneNode() throws {
        let (trace, layout) = try layout("x*x + x", at: ["x": 3])
        checkShape(trace, layout)
        #expect(trace.nodes.count == 3 && layout.edges.filter { $0.from == 0 }.count == 3)
        #expect(layout.places[0].column == 0 && layout.columnCount == 3)
    }

    @Test func aLoneVariableIsOneColumn() throws {
        let (trace, layout) = try layout("x", at: ["x": 2])
        checkShape(trace, layout)
        #expect(trace.root == 0 && layout.columnCount == 1 && layout.position(of: 0) == (x: 0.5, y: 0.5))
    }
}
