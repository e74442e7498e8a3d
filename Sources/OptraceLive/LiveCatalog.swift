import OptraceCore
import OptracePlot

/// `GET /api/catalog`: every optimizer with its parameters (name, symbol, kind, range, default, meaning), the
/// schedules, and the colour map the pages draw heatmaps with.
public enum LiveCatalog {
    public static let json: JSONValue = .object([
        ("optimizers", .array(OptimizerCatalog.all.map { definition in
            .object([
                ("name", .string(definition.name)),
                ("summary", .string(definition.summary)),
                ("parameters", .array(definition.parameters.map(parameter))),
            ])
        })),
        ("schedules", .array(ScheduleCatalog.all.map { .string($0.name) })),
        ("colormap", .array((0..<64).map { k in .string(Colormap.viridis.entry(k * (Colormap.viridis.entryCount - 1) / 63).hexString) })),
    ])

    static func parameter(_ p: OptimizerParameter) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(p.name)), ("symbol", .string(p.symbol)), ("summary", .string(p.summary))]
        switch p.kind {
        case .number(let c):
            members += [("kind", .string("number")), ("range", .string(range(c)))]
        case .pair(let c, let components):
            members += [("kind", .string("pair")), ("range", .string(range(c))), ("components", .array(components.map { .string($0) }))]
        case .flag:
            members.append(("kind", .string("flag")))
        case .choice(let words):
            members += [("kind", .string("choice")), ("choices", .array(words.map { .string($0) }))]
        }
        members.append(("default", p.defaultValue.json))
        return .object(members)
    }

    /// The constraint as the pages check it: `positive`, `nonnegative`, `unit` ([0, 1)) or `closed-unit` ([0, 1]).
    static func range(_ c: ParameterConstraint) -> String {
        switch c {
        case .positive: return "positive"
        case .nonNegative: return "nonnegative"
        case .unitInterval: return "unit"
        case .closedUnitInterval: return "closed-unit"
        }
    }
}
