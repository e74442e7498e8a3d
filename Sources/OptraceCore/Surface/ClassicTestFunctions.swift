extension TermDefinition {
    static let rosenbrock = TermDefinition(
        name: "rosenbrock",
        summary: "Rosenbrock's banana valley: a curved, flat-bottomed valley with the minimum at (a, a²).",
        formula: "(a − x)² + b·(y − x²)²",
        parameters: [
            TermParameter(name: "a", arity: 1, defaultValue: [1], summary: "x of the minimum"),
            TermParameter(name: "b", arity: 1, defaultValue: [100], summary: "steepness of the valley walls", mustBePositive: true),
        ],
        defaultDomain: Domain(x: -2...2, y: -1...3),
        build: { args in
            let (a, b) = (args.scalar("a"), args.scalar("b"))
            return (.num(a) - .x).pow(2) + .num(b) * (Expression.y - Expression.x.pow(2)).pow(2)
        },
        minima: { args in
            let a = args.scalar("a")
            return [KnownMinimum(point: Vec2(a, a * a), value: 0)]
        }
    )

    static let himmelblau = TermDefinition(
        name: "himmelblau",
        summary: "Himmelblau's function: four equal minima of value 0.",
        formula: "(x² + y − 11)² + (x + y² − 7)²",
        defaultDomain: Domain(x: -5...5, y: -5...5),
        build: { _ in
            (Expression.x.pow(2) + .y - 11).pow(2) + (Expression.x + Expression.y.pow(2) - 7).pow(2)
        },
        minima: { _ in
            [
                KnownMinimum(point: Vec2(3, 2), value: 0),
                KnownMinimum(point: Vec2(-2.8051180869527448531, 3.1313125182505729658), value: 0),
                KnownMinimum(point: Vec2(-3.7793102533777468919, -3.2831859912861694123), value: 0),
                KnownMinimum(point: Vec2(3.5844283403304917449, -1.8481265269644035535), value: 0),
            ]
        }
    )

    static let beale = TermDefinition(
        name: "beale",
        summary: "Beale's function: sharp ridges around a flat basin, minimum at (3, 0.5).",
        formula: "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
        defaultDomain: Domain(x: -4.5...4.5, y: -4.5...4.5),
        build: { _ in
            let (x, y) = (Expression.x, Expression.y)
            return (1.5 - x + x * y).pow(2) + (2.25 - x + x * y.pow(2)).pow(2) + (2.625 - x + x * y.pow(3)).pow(2)
        },
        minima: { _ in [KnownMinimum(point: Vec2(3, 0.5), value: 0)] }
    )

    static let booth = TermDefinition(
        name: "booth",
        summary: "Booth's function: a tilted quadratic bowl with the minimum at (1, 3).",
        formula: "(x + 2y − 7)² + (2x + y − 5)²",
        defaultDomain: Domain(x: -10...10, y: -10...10),
        build: { _ in
            let (x, y) = (Expression.x, Expression.y)
            return (x + 2 * y - 7).pow(2) + (2 * x + y - 5).pow(2)
        },
        minima: { _ in [KnownMinimum(point: Vec2(1, 3), value: 0)] }
    )

    static let matyas = TermDefinition(
        name: "matyas",
        summary: "Matyas' function: a nearly flat, tilted bowl with the minimum at the origin.",
        formula: "0.26·(x² + y²) − 0.48·x·y",
        defaultDomain: Domain(x: -10...10, y: -10...10),
        build: { _ in
            let (x, y) = (Expression.x, Expression.y)
            return 0.26 * (x.pow(2) + y.pow(2)) - 0.48 * x * y
        },
        minima: { _ in [KnownMinimum(point: Vec2(0, 0), value: 0)] }
    )

    static let goldsteinPrice = TermDefinition(
        name: "goldstein_price",
        summary: "Goldstein–Price function: steep, with several local minima; global minimum 3 at (0, −1).",
        formula: "[1 + (x+y+1)²(19 − 14x + 3x² − 14y + 6xy + 3y²)]·[30 + (2x − 3y)²(18 − 32x + 12x² + 48y − 36xy + 27y²)]",
        defaultDomain: Domain(x: -2...2, y: -2...2),
        build: { _ in
            let (x, y) = (Expression.x, Expression.y)
            let first = 1 + (x + y + 1).pow(2) * (19 - 14 * x + 3 * x.pow(2) - 14 * y + 6 * x * y + 3 * y.pow(2))
            let second = 30 + (2 * x - 3 * y).pow(2) * (18 - 32 * x + 12 * x.pow(2) + 48 * y - 36 * x * y + 27 * y.pow(2))
            return first * second
        },
        minima: { _ in [KnownMinimum(point: Vec2(0, -1), value: 3)] }
    )

    static let sixHumpCamel = TermDefinition(
        name: "six_hump_camel",
        summary: "Six-hump camel: two global minima, four local ones.",
        formula: "(4 − 2.1x² + x⁴/3)·x² + x·y + (−4 + 4y²)·y²",
        defaultDomain: Domain(x: -3...3, y: -2...2),
        build: { _ in
            let (x, y) = (Expression.x, Expression.y)
            return (4 - 2.1 * x.pow(2) + x.pow(4) / 3) * x.pow(2) + x * y + (-4 + 4 * y.pow(2)) * y.pow(2)
        },
        minima: { _ in
            let global = -1.0316284534898773504, side = -0.21546382438371763758, upper = 2.1042503103112582746
            return [
                KnownMinimum(point: Vec2(0.089842013100318062422, -0.7126564030207396334), value: global),
                KnownMinimum(point: Vec2(-0.089842013100318062422, 0.7126564030207396334), value: global),
                KnownMinimum(point: Vec2(-1.7036067149699808488, 0.79608356867262511903), value: side, isGlobal: false),
                KnownMinimum(point: Vec2(1.7036067149699808488, -0.79608356867262511903), value: side, isGlobal: false),
                KnownMinimum(point: Vec2(1.6071047529201972298, 0.56865145488413137139), value: upper, isGlobal: false),
                KnownMinimum(point: Vec2(-1.6071047529201972298, -0.56865145488413137139), value: upper, isGlobal: false),
            ]
        }
    )

    static let rastrigin = TermDefinition(
        name: "rastrigin",
        summary: "Rastrigin's function: a bowl covered in a regular grid of local minima; global minimum at the origin.",
        formula: "2A + (x² − A·cos 2πx) + (y² − A·cos 2πy)",
        parameters: [TermParameter(name: "A", arity: 1, defaultValue: [10], summary: "amplitude of the ripples")],
        defaultDomain: Domain(x: -5.12...5.12, y: -5.12...5.12),
        build: { args in
            let a = Expression.num(args.scalar("A"))
            let (x, y) = (Expression.x, Expression.y)
            return a * 2 + (x.pow(2) - a * .cos(2 * .constant(.pi) * x)) + (y.pow(2) - a * .cos(2 * .constant(.pi) * y))
        },
        minima: { _ in [KnownMinimum(point: Vec2(0, 0), value: 0)] }
    )

    /// Ackley's function. It has a cusp at the origin (√ of 0): the tape's rule that a zero local derivative
    /// passes nothing back makes the gradient there exactly (0, 0) rather than NaN.
    static let ackley = TermDefinition(
        name: "ackley",
        summary: "Ackley's function: a nearly flat, rippled plateau around a deep funnel at the origin.",
        formula: "−a·exp(−b·√(½(x² + y²))) − exp(½(cos cx + cos cy)) + e + a",
        parameters: [
            TermParameter(name: "a", arity: 1, defaultValue: [20], summary: "depth of the funnel"),
            TermParameter(name: "b", arity: 1, defaultValue: [0.2], summary: "decay of the funnel", mustBePositive: true),
            TermParameter(name: "c", arity: 1, defaultValue: [2 * Double.pi], summary: "ripple frequency"),
        ],
        defaultDomain: Domain(x: -5...5, y: -5...5),
        build: { args in
            let (x, y) = (Expression.x, Expression.y)
            let a = Expression.num(args.scalar("a")), b = Expression.num(args.scalar("b"))
            let c: Expression = args.scalar("c") == 2 * Double.pi ? 2 * .constant(.pi) : .num(args.scalar("c"))
            let funnel = -a * .exp(-b * .sqrt(0.5 * (x.pow(2) + y.pow(2))))
            let ripples = Expression.exp(0.5 * (.cos(c * x) + .cos(c * y)))
            return funnel - ripples + .constant(.e) + a
        },
        minima: { _ in [KnownMinimum(point: Vec2(0, 0), value: 0)] }
    )
}
