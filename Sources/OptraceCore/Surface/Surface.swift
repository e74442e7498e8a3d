/// A 2-D loss surface f(x, y): a sum of built-in terms and/or a formula, compiled once to a tape.
public struct Surface: Sendable {
    /// The whole f as one expression over x and y.
    public let expression: Expression
    public let domain: Domain
    public let minima: [KnownMinimum]
    let tape: Tape

    /// The box used when only an expression is given and no domain: [−5, 5]².
    public static let fallbackDomain = Domain(x: -5...5, y: -5...5)

    /// Builds f = Σ terms + expression (either may be absent, not both).
    ///
    /// - `domain`: nil → the first term's `defaultDomain`, or `fallbackDomain` ([−5, 5]²) for an expression alone.
    /// - `minima`: given points → their values computed from f (the lowest marked global); nil → the term's
    ///   published minima when f is a single built-in term, otherwise found numerically by `MinimumFinder`.
    public init(
        terms: [SurfaceTermSpec], expression source: String? = nil, domain: Domain? = nil, minima points: [Vec2]? = nil
    ) throws(SurfaceError) {
        if terms.isEmpty && source == nil { throw .noTerms }
        var parts: [Expression] = []
        var firstDefinition: TermDefinition?
        for spec in terms {
            let definition = try Self.validated(spec)
            if firstDefinition == nil { firstDefinition = definition }
            parts.append(definition.expression(spec.parameters))
        }
        if let source {
            do {
                parts.append(try Expression(parsing: source))
            } catch {
                throw .expression(error)
            }
        }
        var f = parts[0]
        for part in parts.dropFirst() { f = .binary(.add, f, part) }
        expression = f
        do {
            tape = try Tape(f, variables: ["x", "y"])
        } catch {
            throw .expression(error)
        }

        let box = domain ?? firstDefinition?.defaultDomain ?? Self.fallbackDomain
        let bounds = [box.xRange.lowerBound, box.xRange.upperBound, box.yRange.lowerBound, box.yRange.upperBound]
        guard bounds.allSatisfy(\.isFinite), box.span.x > 0, box.span.y > 0 else {
            throw .invalidParameter(term: "surface", parameter: "domain", message: "must be a finite box of positive width and height")
        }
        self.domain = box

        if let points {
            guard points.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
                throw .invalidParameter(term: "surface", parameter: "minima", message: "points must be finite")
            }
            let tape = self.tape
            let values = points.map { tape.value(at: [$0.x, $0.y]) }
            let lowest = values.min() ?? 0
            minima = zip(points, values).map { point, value in
                KnownMinimum(point: point, value: value, isGlobal: value <= lowest + 1e-9 * Swift.max(1, Swift.abs(lowest)))
            }
        } else if terms.count == 1, source == nil, let definition = firstDefinition {
            minima = definition.minima(terms[0].parameters)
        } else {
            minima = MinimumFinder().minima(of: tape, in: box)
        }
    }

    /// Checks a term's name and parameters against the catalog.
    private static func validated(_ spec: SurfaceTermSpec) throws(SurfaceError) -> TermDefinition {
        guard let definition = TermCatalog.definition(named: spec.name) else {
            throw .unknownTerm(name: spec.name, suggestion: TermCatalog.suggestion(for: spec.name))
        }
        for name in spec.parameters.keys.sorted() {
            let values = spec.parameters[name] ?? []
            guard let parameter = definition.parameter(named: name) else {
                throw .unknownParameter(term: spec.name, name: name, valid: definition.parameters.map(\.name))
            }
            guard values.count == parameter.arity else {
                throw .wrongArity(term: spec.name, parameter: name, expected: parameter.arity, found: values.count)
            }
            guard values.allSatisfy(\.isFinite) else {
                throw .invalidParameter(term: spec.name, parameter: name, message: "must be finite")
            }
            if parameter.mustBePositive && !values.allSatisfy({ $0 > 0 }) {
                throw .invalidParameter(term: spec.name, parameter: name, message: "must be positive")
            }
        }
        return definition
    }

    /// f written as a re-parsable formula.
    public var formula: String { expression.description }

    /// The formula as a reader writes it (superscripts, implicit products, −), for titles and pictures.
    public var typesetFormula: String { expression.typeset }

    /// A fast evaluator of f and ∇f with its own scratch space (one per thread).
    public func makeEvaluator() -> SurfaceEvaluator { SurfaceEvaluator(tape: tape) }

    public func value(at p: Vec2) -> Double { tape.value(at: [p.x, p.y]) }

    public func valueAndGradient(at p: Vec2) -> (value: Double, gradient: Vec2) {
        let (value, gradient) = tape.gradient(at: [p.x, p.y])
        return (value, Vec2(gradient[0], gradient[1]))
    }
}
