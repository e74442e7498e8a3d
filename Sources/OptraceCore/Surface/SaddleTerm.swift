extension TermDefinition {
    /// A saddle at the origin that gradient descent started on the ridge y = 0 never leaves.
    static let saddle = TermDefinition(
        name: "saddle",
        summary: "Saddle at the origin with minima at (0, ±√(b/c)); descent started on y = 0 stays on the ridge, noise escapes.",
        formula: "½·a·x² − ½·b·y² + ¼·c·y⁴",
        parameters: [
            TermParameter(name: "a", arity: 1, defaultValue: [1], summary: "curvature along x", mustBePositive: true),
            TermParameter(name: "b", arity: 1, defaultValue: [1], summary: "negative curvature along y at the saddle", mustBePositive: true),
            TermParameter(name: "c", arity: 1, defaultValue: [1], summary: "quartic confinement along y", mustBePositive: true),
        ],
        defaultDomain: Domain(x: -2...2, y: -2...2),
        build: { args in
            let (a, b, c) = (args.scalar("a"), args.scalar("b"), args.scalar("c"))
            return 0.5 * .num(a) * Expression.x.pow(2) - 0.5 * .num(b) * Expression.y.pow(2)
                + 0.25 * .num(c) * Expression.y.pow(4)
        },
        minima: { args in
            let (b, c) = (args.scalar("b"), args.scalar("c"))
            let y = (b / c).squareRoot(), value = -b * b / (4 * c)
            return [KnownMinimum(point: Vec2(0, -y), value: value), KnownMinimum(point: Vec2(0, y), value: value)]
        }
    )
}
