/// Recursive-descent parser for formulas; nesting is bounded so it can never exhaust the stack.
struct ExpressionParser {
    /// Longest accepted source, in characters.
    static let maxLength = 10_000
    /// Deepest accepted nesting of parentheses, calls, unary signs and `^` chains.
    static let maxDepth = 200

    private var tokens: [ExpressionToken]
    private var position = 0
    private var depth = 0

    init(source: String) throws(ExpressionError) {
        let chars = Array(source)
        if chars.count > Self.maxLength {
            throw ExpressionError(
                message: "expression is too long (\(chars.count) characters; the limit is \(Self.maxLength))",
                column: Self.maxLength + 1)
        }
        tokens = try ExpressionToken.tokenize(chars)
    }

    private var current: ExpressionToken { tokens[position] }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    mutating func parseAll() throws(ExpressionError) -> Expression {
        if case .end = current.kind {
            throw ExpressionError(message: "empty expression", column: 1)
        }
        let result = try parseSum()
        switch current.kind {
        case .end:
            return result
        case .symbol(")"):
            throw ExpressionError(message: "unbalanced ')': no matching '('", column: current.column)
        default:
            throw ExpressionError(message: "expected an operator but found \(current.quoted)", column: current.column)
        }
    }

    private mutating func enter(at token: ExpressionToken) throws(ExpressionError) {
        depth += 1
        if depth > Self.maxDepth {
            throw ExpressionError(message: "expression is nested too deeply (more than \(Self.maxDepth) levels)", column: token.column)
        }
    }

    private mutating func leave() { depth -= 1 }

    private mutating func parseSum() throws(ExpressionError) -> Expression {
        var lhs = try parseProduct()
        while true {
            let op: BinaryOperator
            if current.isSymbol("+") { op = .add } else if current.isSymbol("-") { op = .subtract } else { return lhs }
            advance()
            let rhs = try parseProduct()
            lhs = .binary(op, lhs, rhs)
        }
    }

    private mutating func parseProduct() throws(ExpressionError) -> Expression {
        var lhs = try parseUnary()
        while true {
            let op: BinaryOperator
            if current.isSymbol("*") { op = .multiply } else if current.isSymbol("/") { op = .divide } else { return lhs }
            advance()
            let rhs = try parseUnary()
            lhs = .binary(op, lhs, rhs)
        }
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        let token = current
        if token.isSymbol("-") || token.isSymbol("+") {
            try enter(at: token)
            advance()
            let operand = try parseUnary()
            leave()
            return token.isSymbol("-") ? .negate(operand) : operand
        }
        return try parsePower()
    }

    private mutating func parsePower() throws(ExpressionError) -> Expression {
        let base = try parsePrimary()
        let token = current
        guard token.isSymbol("^") else { return base }
        try enter(at: token)
        advance()
        let exponent = try parseUnary()
        leave()
        return .binary(.power, base, exponent)
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        let token = current
        switch token.kind {
        case let .number(value):
            advance()
            return .number(value)
        case let .identifier(name):
            advance()
            if current.isSymbol("(") {
                return try parseCall(name: name, at: token)
            }
            if let constant = MathConstant(rawValue: name) { return .constant(constant) }
            if MathFunction(rawValue: name) != nil {
                throw ExpressionError(
                    message: "function '\(name)' needs its arguments in parentheses, e.g. \(name)(x)",
                    column: token.column)
            }
            return .variable(name, column: token.column)
        case .symbol("("):
            try enter(at: token)
            advance()
            let inner = try parseSum()
            try expectClosing()
            leave()
            return inner
        default:
            throw ExpressionError(message: "expected an operand but found \(token.quoted)", column: token.column)
        }
    }

    private mutating func expectClosing() throws(ExpressionError) {
        guard current.isSymbol(")") else {
            throw ExpressionError(message: "expected ')' but found \(current.quoted)", column: current.column)
        }
        advance()
    }

    private mutating func parseCall(name: String, at nameToken: ExpressionToken) throws(ExpressionError) -> Expression {
        guard let function = MathFunction(rawValue: name) else {
            if MathConstant(rawValue: name) != nil {
                throw ExpressionError(message: "'\(name)' is a constant, not a function", column: nameToken.column)
            }
            var message = "unknown function '\(name)'"
            if let suggestion = Suggestion.closest(to: name, in: MathFunction.allCases.map(\.name)) {
                message += " (did you mean '\(suggestion)'?)"
            }
            throw ExpressionError(message: message, column: nameToken.column)
        }
        try enter(at: current)
        advance()  // "("
        var arguments: [Expression] = []
        if !current.isSymbol(")") {
            while true {
                arguments.append(try parseSum())
                if current.isSymbol(",") {
                    advance()
                    continue
                }
                break
            }
        }
        try expectClosing()
        leave()
        if arguments.count != function.arity {
            let plural = function.arity == 1 ? "argument" : "arguments"
            throw ExpressionError(
                message: "function '\(name)' takes \(function.arity) \(plural) but was given \(arguments.count)",
                column: nameToken.column)
        }
        return .call(function, arguments)
    }
}
