/// f recognised as a quadratic in (x, y): c₀ + c₁x + c₂y + c₃x² + c₄xy + c₅y², with its Hessian's eigenvalues.
///
/// Recognition is symbolic: the expression is expanded (sums, differences, products, division by a
/// constant, whole powers up to 2, constant sub-expressions evaluated) and refused as soon as anything
/// of degree above 2 or a non-polynomial function of x or y appears. A `valley` term alone, `booth`,
/// `matyas` and any polynomial of degree 2 written by hand are recognised; a bump is not.
public struct QuadraticForm: Sendable, Equatable {
    /// Coefficients of 1, x, y, x², xy, y².
    public let coefficients: [Double]

    /// The quadratic `expression` is, or nil when it is not a polynomial of degree ≤ 2 in x and y.
    public init?(_ expression: Expression) {
        guard let p = Self.expand(expression), p.count == 6, p.allSatisfy(\.isFinite) else { return nil }
        coefficients = p
    }

    /// The Hessian [[2c₃, c₄], [c₄, 2c₅]].
    public var hessian: (xx: Double, xy: Double, yy: Double) { (2 * coefficients[3], coefficients[4], 2 * coefficients[5]) }

    /// The Hessian's eigenvalues, smaller first: the curvatures λ₁ ≤ λ₂.
    public var curvatures: (Double, Double) {
        let (a, b, c) = hessian
        let mean = (a + c) / 2
        let radius = (((a - c) / 2) * ((a - c) / 2) + b * b).squareRoot()
        return (mean - radius, mean + radius)
    }

    /// Whether f is a bowl (both curvatures > 0), so that it has a single minimum.
    public var isPositiveDefinite: Bool { curvatures.0 > 0 }

    // Polynomials as [1, x, y, x², xy, y²].
    private static let zero = [Double](repeating: 0, count: 6)

    private static func constant(_ v: Double) -> [Double] { [v, 0, 0, 0, 0, 0] }

    private static func degree(_ p: [Double]) -> Int {
        if p[3] != 0 || p[4] != 0 || p[5] != 0 { return 2 }
        if p[1] != 0 || p[2] != 0 { return 1 }
        return 0
    }

    private static func product(_ a: [Double], _ b: [Double]) -> [Double]? {
        if degree(a) + degree(b) > 2 { return nil }
        var r = zero
        r[0] = a[0] * b[0]
        r[1] = a[0] * b[1] + a[1] * b[0]
        r[2] = a[0] * b[2] + a[2] * b[0]
        r[3] = a[0] * b[3] + a[3] * b[0] + a[1] * b[1]
        r[4] = a[0] * b[4] + a[4] * b[0] + a[1] * b[2] + a[2] * b[1]
        r[5] = a[0] * b[5] + a[5] * b[0] + a[2] * b[2]
        return r
    }

    private static func expand(_ e: Expression) -> [Double]? {
        if e.variables.isEmpty, let tape = try? Tape(e, variables: []) {
            let v = tape.value(at: [])
            return v.isFinite ? constant(v) : nil
        }
        switch e {
        case .number(let v): return constant(v)
        case .constant(let c): return constant(c.value)
        case .variable(let name, _):
            switch name {
            case "x": return [0, 1, 0, 0, 0, 0]
            case "y": return [0, 0, 1, 0, 0, 0]
            default: return nil
            }
        case .negate(let a):
            return expand(a).map { $0.map { -$0 } }
        case .binary(let op, let l, let r):
            guard let a = expand(l), let b = expand(r) else { return nil }
            switch op {
            case .add: return zip(a, b).map(+)
            case .subtract: return zip(a, b).map(-)
            case .multiply: return product(a, b)
            case .divide:
                guard degree(b) == 0, b[0] != 0 else { return nil }
                return a.map { $0 / b[0] }
            case .power:
                guard degree(b) == 0 else { return nil }
                switch b[0] {
                case 0: return constant(1)
                case 1: return a
                case 2: return product(a, a)
                default: return nil
                }
            }
        case .call:
            return nil
        }
    }
}
