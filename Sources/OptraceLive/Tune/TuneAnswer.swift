import OptraceCore

/// `POST /api/tune`: tune.json's document (settings, best, window, theory, every cell) with each axis's values in
/// grid order, for the page's heatmap or curve.
public enum TuneAnswer {
    public static func json(_ result: SweepResult) -> JSONValue {
        guard case .object(var members) = TuneJSON.document(result) else { return TuneJSON.document(result) }
        let plan = result.header.plan
        members.append(("axes", .array(plan.axes.map { axis in
            .object([
                ("name", .string(axis.name)),
                ("scale", .string(axis.scale.rawValue)),
                ("values", .array(axis.values.map { .number($0) })),
            ])
        })))
        return .object(members)
    }
}
