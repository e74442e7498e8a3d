#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TermDefinition {
    /// ½(a·u² + b·v²) with (u, v) = p − center rotated by −angle: an elongated quadratic bowl.
    static let valley = TermDefinition(
        name: "valley",
        summary: "Quadratic valley: curvature a along its axis, b across it, rotated by angle (degrees).",
        formula: "½(a·u² + b·v²), (u, v) = R(−angle)·(p − center)",
        parameters: [
            TermParameter(name: "curvatures", arity: 2, defaultValue: [0.1, 1.0],
                          summary: "curvatures [a, b] along and across the valley", mustBePositive: true),
            TermParameter(name: "angle", arity: 1, defaultValue: [0], summary: "rotation of the valley axis, degrees"),
            TermParameter(name: "center", arity: 2, defaultValue: [0, 0], summary: "the minimum"),
        ],
        defaultDomain: Domain(x: -10...10, y: -5...5),
        build: { args in
            let k = args.pair("curvatures"), center = args.pair("center")
            let dx = Expression.shifted(.x, by: center.x), dy = Expression.shifted(.y, by: center.y)
            let radians = args.scalar("angle") * Double.pi / 180
            let (c, s) = (snapped(cos(radians)), snapped(sin(radians)))
            let u: Expression, v: Expression
            if s == 0 {
                (u, v) = (dx, dy)
            } else if c == 0 {
                (u, v) = (.num(s) * dy, .num(-s) * dx)
            } else {
                u = .num(c) * dx + .num(s) * dy
                v = .num(c) * dy - .num(s) * dx
            }
            return 0.5 * (.num(k.x) * u.pow(2) + .num(k.y) * v.pow(2))
        },
        minima: { args in [KnownMinimum(point: args.pair("center"), value: 0)] }
    )

    /// cos/sin of whole quarter turns come out as ±1e-16; make them exact.
    private static func snapped(_ v: Double) -> Double {
        if Swift.abs(v) < 1e-15 { return 0 }
        if Swift.abs(Swift.abs(v) - 1) < 1e-15 { return v > 0 ? 1 : -1 }
        return v
    }
}
