extension TermDefinition {
    /// A Gaussian bump (or dip, with a negative height).
    static let bump = TermDefinition(
        name: "bump",
        summary: "Gaussian bump of the given height and width; a negative height makes a dip with a minimum at the centre.",
        formula: "height·exp(−|p − center|²/(2·width²))",
        parameters: [
            TermParameter(name: "center", arity: 2, defaultValue: [0, 0], summary: "peak position"),
            TermParameter(name: "height", arity: 1, defaultValue: [1], summary: "peak value (negative for a dip)"),
            TermParameter(name: "width", arity: 1, defaultValue: [1], summary: "standard deviation", mustBePositive: true),
        ],
        defaultDomain: Domain(x: -3...3, y: -3...3),
        build: { args in
            let center = args.pair("center")
            let dx = Expression.shifted(.x, by: center.x), dy = Expression.shifted(.y, by: center.y)
            let squaredDistance = dx.pow(2) + dy.pow(2)
            return .num(args.scalar("height")) * .exp(-squaredDistance / (2 * Expression.num(args.scalar("width")).pow(2)))
        },
        minima: { args in
            let height = args.scalar("height")
            return height < 0 ? [KnownMinimum(point: args.pair("center"), value: height)] : []
        }
    )
}
