/// `tune.json`: the sweep's settings, the best configuration, the usable window, the theory and every cell.
public enum TuneJSON {
    /// The document for `result`.
    public static func document(_ result: SweepResult) -> JSONValue {
        document(result, cells: true)
    }

    static func document(_ result: SweepResult, cells withCells: Bool) -> JSONValue {
        let header = result.header
        let names = header.plan.axes.map(\.name)
        var fields = settings(header)
        if let best = result.best {
            var entries: [(String, JSONValue)] = zip(names, best.values).map { ($0, .number($1)) }
            entries.append(("objective", .string(header.objective.description)))
            entries.append(("value", .finite(best.mean)))
            entries.append(("std", .finite(best.std)))
            entries.append(("diverged", .number(best.diverged)))
            entries.append(("unstable", .number(best.unstable)))
            if case .stepsTo = header.objective { entries.append(("not_reached", .number(best.unreached))) }
            fields.append(("best", .object(entries)))
        } else {
            fields.append(("best", .null))
        }
        if let window = result.window {
            fields.append((
                "window",
                .object([
                    ("param", .string(names[0])),
                    ("factor", .number(window.factor)),
                    ("low", .number(window.low)),
                    ("high", .number(window.high)),
                    ("decades", .finite(window.decades)),
                    ("decades_of", .string(window.decadesOfComplement ? "1 - value" : "value")),
                    ("diverges_above", .finite(window.divergesAbove)),
                    ("unstable_above", .finite(window.unstableAbove)),
                    ("diverges_below", .finite(window.divergesBelow)),
                    ("low_is_range_end", .bool(window.lowIsRangeEnd)),
                    ("high_is_range_end", .bool(window.highIsRangeEnd)),
                    ("best_is_range_end", .bool(window.bestIsRangeEnd)),
                ])
            ))
        } else {
            fields.append(("window", .null))
        }
        fields.append(("theory", theory(result.theory, names: names)))
        if withCells { fields.append(("cells", .array(result.cells.map { cell(header, $0) }))) }
        return .object(fields)
    }

    /// The text of `document(result)`, with one line per cell (the cells written directly, for speed).
    public static func serialized(_ result: SweepResult) -> String {
        String(decoding: TuneText.files(result).json, as: UTF8.self)
    }

    /// The document's text up to and including the line that opens the cell list (nil if the serializer ever
    /// stopped ending the document with that list).
    static func prefix(_ result: SweepResult) -> String? {
        guard case .object(var fields) = document(result, cells: false) else { return nil }
        fields.append(("cells", .array([])))
        var text = JSONValue.object(fields).serialized()
        // Replace the empty list closing the document by the opening of the cells, one object per line.
        let tail = "\"cells\": []\n}\n"
        guard text.hasSuffix(tail) else { return nil }
        text.removeLast(tail.count)
        return text + "\"cells\": [\n"
    }

    /// The settings part shared by `tune.json` and shard files.
    static func settings(_ header: SweepHeader) -> [(String, JSONValue)] {
        let plan = header.plan
        var sweep: [(String, JSONValue)] = [("kind", .string(plan.isGrid ? "grid" : "random"))]
        sweep.append((
            "params",
            .array(plan.axes.map { axis in
                var entries: [(String, JSONValue)] = [
                    ("name", .string(axis.name)), ("low", .number(axis.low)), ("high", .number(axis.high)),
                    ("scale", .string(axis.scale.rawValue)),
                ]
                if let count = axis.count { entries.append(("count", .integer(count))) }
                return .object(entries)
            })
        ))
        if let n = plan.randomCount {
            sweep.append(("samples", .integer(n)))
            sweep.append(("random_seed", .string(String(plan.randomSeed))))
        }
        sweep.append(("cells", .integer(plan.cellCount)))
        return [
            ("scenario", .string(header.scenario)),
            ("title", .string(header.title)),
            ("racer", .string(header.racer)),
            ("optimizer", .string(header.optimizer)),
            ("hyperparameters", .object(header.settings.entries.map { ($0.name, $0.value.json) })),
            ("sweep", .object(sweep)),
            ("steps", .integer(header.steps)),
            ("seeds", .array(header.seeds.map { .unsigned($0) })),
            ("noise", .object([
                ("sigma", .array([.number(header.sigma.x), .number(header.sigma.y)])),
                ("batch", .integer(header.batch)),
                ("applied", .bool(header.hasNoise)),
            ])),
            ("start", .array([.number(header.start.x), .number(header.start.y)])),
            ("objective", .string(header.objective.description)),
            ("floor", .number(header.floor)),
        ]
    }


    static func cell(_ header: SweepHeader, _ cell: SweepCell) -> JSONValue {
        var entries: [(String, JSONValue)] = zip(header.plan.axes, cell.values).map { ($0.name, .number($1)) }
        entries.append(("mean", .finite(cell.mean)))
        entries.append(("std", .finite(cell.std)))
        entries.append(("diverged", .number(cell.diverged)))
        entries.append(("unstable", .number(cell.unstable)))
        if case .stepsTo = header.objective { entries.append(("not_reached", .number(cell.unreached))) }
        return .object(entries)
    }

    static func theory(_ theory: SweepTheory?, names: [String]) -> JSONValue {
        guard let theory else { return .null }
        let q = theory.quadratic
        var entries: [(String, JSONValue)] = [
            ("lambda1", .number(q.lambda1)), ("lambda2", .number(q.lambda2)), ("condition", .number(q.condition)),
        ]
        if let best = theory.best {
            entries.append(("best", .object(zip(names, best).map { ($0, .number($1)) })))
        } else {
            entries.append(("best", .null))
        }
        if theory.rateAxis != nil && theory.momentumAxis != nil {
            entries.append(("stability", .string("converges iff 0 < lr·λ < 2 + 2β for λ = λ₁, λ₂")))
        } else if let edge = theory.edge {
            entries.append(("edge", .number(edge)))
        }
        return .object(entries)
    }
}
