/// The expression as written, one node per operation, inputs first (no folding): what the trace shows.
struct TapeGraph: Sendable {
    enum Operation: Sendable {
        case input(Int)
        case constant(Double, label: String)
        case negate
        case binary(BinaryOperator)
        case call(MathFunction)
    }

    struct Node: Sendable {
        var operation: Operation
        var inputs: [Int]
    }

    private(set) var nodes: [Node] = []
    let variables: [String]
    /// The node holding f (not always the last one: `f = x` is an input node).
    private(set) var root = 0

    init(_ expression: Expression, variables: [String]) throws(ExpressionError) {
        self.variables = variables
        for slot in variables.indices { nodes.append(Node(operation: .input(slot), inputs: [])) }
        root = try append(expression)
    }

    /// Appends the nodes of `expression` in post-order and returns the index of its root.
    ///
    /// Iterative (an explicit work stack), so long operator chains cannot exhaust the thread's stack.
    private mutating func append(_ expression: Expression) throws(ExpressionError) -> Int {
        enum Work {
            case visit(Expression)
            case build(Expression)
        }
        var work: [Work] = [.visit(expression)]
        var results: [Int] = []
        while let item = work.popLast() {
            switch item {
            case let .visit(e):
                switch e {
                case let .number(value):
                    nodes.append(Node(operation: .constant(value, label: Expression.format(value)), inputs: []))
                    results.append(nodes.count - 1)
                case let .constant(constant):
                    nodes.append(Node(operation: .constant(constant.value, label: constant.name), inputs: []))
                    results.append(nodes.count - 1)
                case let .variable(name, column):
                    guard let slot = variables.firstIndex(of: name) else {
                        let expected = variables.isEmpty
                            ? "no variables are defined" : "expected one of: " + variables.joined(separator: ", ")
                        throw ExpressionError(message: "undefined variable '\(name)' (\(expected))", column: column ?? 0)
                    }
                    results.append(slot)
                case let .negate(operand):
                    work.append(.build(e))
                    work.append(.visit(operand))
                case let .binary(_, lhs, rhs):
                    work.append(.build(e))
                    work.append(.visit(rhs))
                    work.append(.visit(lhs))
                case let .call(_, arguments):
                    work.append(.build(e))
                    for argument in arguments.reversed() { work.append(.visit(argument)) }
                }
            case let .build(e):
                let operation: Operation
                let arity: Int
                switch e {
                case .negate:
                    (operation, arity) = (.negate, 1)
                case let .binary(op, _, _):
                    (operation, arity) = (.binary(op), 2)
                case let .call(function, arguments):
                    (operation, arity) = (.call(function), arguments.count)
                case .number, .constant, .variable:
                    continue
                }
                let inputs = Array(results.suffix(arity))
                results.removeLast(arity)
                nodes.append(Node(operation: operation, inputs: inputs))
                results.append(nodes.count - 1)
            }
        }
        return results[0]
    }

    /// The label of a node in the trace: "input w", "const 0.5", "mul", "sigmoid", …
    func label(of node: Node) -> String {
        switch node.operation {
        case let .input(slot): return "input \(variables[slot])"
        case let .constant(_, label): return "const \(label)"
        case .negate: return "neg"
        case let .binary(op):
            switch op {
            case .add: return "add"
            case .subtract: return "sub"
            case .multiply: return "mul"
            case .divide: return "div"
            case .power: return "pow"
            }
        case let .call(function): return function.name
        }
    }

    /// Forward rule of one node: its value and ∂node/∂inputs[i].
    static func forward(_ operation: Operation, _ x: [Double], inputs: [Double]) -> (Double, [Double]) {
        switch operation {
        case let .input(slot):
            return (inputs[slot], [])
        case let .constant(value, _):
            return (value, [])
        case .negate:
            return (-x[0], [-1])
        case let .binary(op):
            let a = x[0], b = x[1]
            switch op {
            case .add: return (a + b, [1, 1])
            case .subtract: return (a - b, [1, -1])
            case .multiply: return (a * b, [b, a])
            case .divide:
                let v = a / b
                return (v, [1 / b, -v / b])
            case .power:
                let (v, da, db) = TapeKernels.power(a, b)
                return (v, [da, db])
            }
        case let .call(function):
            switch function {
            case .min:
                let (v, da, db) = TapeKernels.minimum(x[0], x[1])
                return (v, [da, db])
            case .max:
                let (v, da, db) = TapeKernels.maximum(x[0], x[1])
                return (v, [da, db])
            default:
                let (v, d) = TapeKernels.apply(function, x[0])
                return (v, [d])
            }
        }
    }
}
