/// What `optrace grad` and the graph stepper page answer: an expression, a value for each of its variables, the
/// variables one gradient step updates and its learning rate, checked once for both.
public struct GradientQuestion: Sendable {
    /// Why a question was refused; `field` is what it concerns (`expression`, `at` or `step`).
    public struct Problem: Error, Sendable, Equatable {
        public enum Field: String, Sendable { case expression, at, step }
        public let field: Field
        public let message: String
        /// Under the message: the expression with a caret at the column (syntax errors).
        public let excerpt: String?
        /// A variable without a value, so a command can say how to give it.
        public let missingValue: String?

        init(_ field: Field, _ message: String, excerpt: String? = nil, missingValue: String? = nil) {
            self.field = field
            self.message = message
            self.excerpt = excerpt
            self.missingValue = missingValue
        }
    }

    public let source: String
    public let tape: Tape
    /// The expression's variables in tape order, and the value of each.
    public let inputs: [Double]
    /// The variables the step updates, in the order given.
    public let stepNames: [String]
    public let learningRate: Double

    /// Checks `source` with `values` for its variables; `stepNames` must be distinct variables of it.
    public init(source: String, values: [String: Double], stepNames: [String], learningRate: Double) throws(Problem) {
        let parsed: Expression
        do {
            parsed = try Expression(parsing: source)
        } catch {
            throw Problem(.expression, "expression, column \(error.column): \(error.message)", excerpt: error.caretLine(source: source))
        }
        let variables = parsed.variables
        for name in values.keys.sorted() where !variables.contains(name) {
            throw Problem(
                .at, "'\(name)' is not a variable of the expression\(Suggestion.hint(for: name, in: variables)); its variables: \(variables.joined(separator: ", "))")
        }
        if let missing = variables.first(where: { values[$0] == nil }) {
            throw Problem(.at, "missing a value for '\(missing)'", missingValue: missing)
        }
        let tape: Tape
        do {
            tape = try Tape(parsed, variables: variables)
        } catch {
            throw Problem(.expression, "expression, column \(error.column): \(error.message)", excerpt: error.caretLine(source: source))
        }
        for name in stepNames where !variables.contains(name) {
            throw Problem(.step, "'\(name)' is not a variable of the expression; its variables: \(variables.joined(separator: ", "))")
        }
        if let twice = stepNames.enumerated().first(where: { stepNames[..<$0.offset].contains($0.element) })?.element {
            throw Problem(.step, "'\(twice)' is given twice; give each variable once")
        }
        self.source = source
        self.tape = tape
        self.inputs = variables.map { values[$0]! }
        self.stepNames = stepNames
        self.learningRate = learningRate
    }

    public var variables: [String] { tape.variables }

    /// `{"expression", "at", "value", "gradient", "numerical", "graph"}` and, when the step updates something,
    /// `"step"`: the document of `optrace grad --json` and of the stepper page.
    public func document() -> JSONValue {
        let trace = tape.trace(at: inputs)
        let numerical = GradientCheck.centralDifferences(tape, at: inputs)
        var members: [(String, JSONValue)] = [
            ("expression", .string(source)),
            ("at", .object(zip(variables, inputs).map { ($0, .number($1)) })),
            ("value", .finite(trace.value)),
            ("gradient", .object(zip(variables, trace.gradient).map { ($0, .finite($1)) })),
            ("numerical", .object(zip(variables, numerical).map { ($0, .finite($1)) })),
            ("graph", GraphStepperJSON.graph(trace, layout: GraphLayout(trace))),
        ]
        if !stepNames.isEmpty {
            let step = GradientStep(tape: tape, inputs: inputs, gradient: trace.gradient, names: stepNames, learningRate: learningRate)
            members.append(("step", .object([
                ("lr", .finite(learningRate)),
                ("inputs", .object(stepNames.map { name in (name, .finite(step.inputs[variables.firstIndex(of: name)!])) })),
                ("value", .finite(step.value)),
            ])))
        }
        return .object(members)
    }
}
