/// A model race's files and text: `trajectory.csv`, `scoreboard.json`, and the log the terminal shows.
public enum ModelRaceReport {
    /// `racer,epoch,loss,grad_norm,param_norm`, one row per racer and epoch (round-trip numbers).
    public static func trajectoryCSV(_ race: ModelRace) -> String {
        var text = "racer,epoch,loss,grad_norm,param_norm\n"
        for run in race.runs {
            let name = TrajectoryCSV.field(run.racer)
            for epoch in run.losses.indices {
                text += "\(name),\(epoch),\(NumberFormat.roundTrip(run.losses[epoch])),\(NumberFormat.roundTrip(run.gradientNorms[epoch])),\(NumberFormat.roundTrip(run.parameterNorms[epoch]))\n"
            }
        }
        return text
    }

    /// `scoreboard.json`: the scenario, the network and data, and each racer's outcome.
    public static func scoreboardJSON(_ race: ModelRace) -> JSONValue {
        let scenario = race.scenario
        let shape = scenario.shape
        let ranks = race.ranks
        let racers: [JSONValue] = zip(scenario.racers, race.runs).enumerated().map { index, pair in
            let (racer, run) = pair
            return .object([
                ("name", .string(racer.name)),
                ("optimizer", .string(racer.optimizerName)),
                ("hyperparameters", .object(racer.settings.entries.map { ($0.name, $0.value.json) })),
                ("rank", .integer(ranks[index])),
                ("status", .string(run.divergedAt == nil ? "finished" : "diverged")),
                ("diverged_at_epoch", run.divergedAt.map { .integer($0) } ?? .null),
                ("epochs", .integer(run.losses.count)),
                ("final_loss", .finite(run.losses.last)),
                ("best_loss", .finite(run.losses.filter(\.isFinite).min())),
                ("accuracy", race.accuracy(run).map { .number($0) } ?? .null),
                ("predictions", .numbers(run.predictions.values)),
            ])
        }
        let initialization: JSONValue
        switch scenario.initialization.scale {
        case .normal(let sigma): initialization = .object([("scheme", .string("normal")), ("sigma", .number(sigma)), ("seed", .unsigned(scenario.initialization.seed)), ("generator", .string("numpy"))])
        case .xavier: initialization = .object([("scheme", .string("xavier")), ("seed", .unsigned(scenario.initialization.seed)), ("generator", .string("numpy"))])
        case .he: initialization = .object([("scheme", .string("he")), ("seed", .unsigned(scenario.initialization.seed)), ("generator", .string("numpy"))])
        }
        return .object([
            ("scenario", .string(scenario.name)),
            ("title", .string(scenario.title)),
            ("model", .object([
                ("layers", .array(shape.widths.map { .integer($0) })),
                ("activation", .string(shape.hidden.rawValue)),
                ("output", .string(shape.output.rawValue)),
                ("loss", .string(shape.loss.rawValue)),
                ("residual", .bool(shape.residual)),
                ("parameters", .integer(shape.parameterCount)),
                ("init", initialization),
            ])),
            ("data", .object([
                ("name", .string(scenario.data.name)),
                ("examples", .integer(scenario.data.count)),
                ("targets", .numbers(scenario.data.targets.values)),
            ])),
            ("epochs", .integer(scenario.epochs)),
            ("batch", scenario.batch.map { .integer($0) } ?? .string("full")),
            ("shuffle_seed", .unsigned(scenario.shuffleSeed)),
            ("racers", .array(racers)),
        ])
    }

    /// The terminal log: the loss at the logged epochs (the chapter's `epoch   0   loss 0.7503` lines, one column
    /// per racer), the predictions beside the targets, and the standing.
    public static func log(_ race: ModelRace) -> String {
        let scenario = race.scenario
        let runs = race.runs
        var lines: [String] = []
        let names = runs.map(\.racer)
        let width = max(6, names.map(\.count).max() ?? 0)
        if runs.count > 1 { lines.append("epoch  " + names.map { pad($0, width) }.joined(separator: "  ")) }
        for epoch in race.loggedEpochs {
            let cells = runs.map { run -> String in
                if epoch < run.losses.count { return NumberFormat.fixed(run.losses[epoch], 4) }
                return run.divergedAt != nil ? "diverged" : ""
            }
            if runs.count == 1 {
                lines.append("epoch \(pad(String(epoch), 3, right: true))   loss \(cells[0])")
            } else {
                lines.append(pad(String(epoch), 5, right: true) + "  " + cells.map { pad($0, width) }.joined(separator: "  "))
            }
        }
        if scenario.shape.widths.last == 1 && scenario.data.count <= 16 {
            lines.append("")
            for run in runs {
                let label = runs.count == 1 ? "predictions:" : "\(run.racer):"
                let labelWidth = max(12, (runs.map { $0.racer.count + 1 }.max() ?? 0))
                lines.append(pad(label, labelWidth) + " " + run.predictions.values.map { NumberFormat.fixed($0, 2) }.joined(separator: " "))
            }
            lines.append(pad("targets:", max(12, (runs.map { $0.racer.count + 1 }.max() ?? 0))) + " " + scenario.data.targets.values.map { NumberFormat.fixed($0, 2) }.joined(separator: " "))
        }
        lines.append("")
        let ranks = race.ranks
        for (index, run) in runs.enumerated().sorted(by: { ranks[$0.offset] < ranks[$1.offset] }) {
            var text = "\(ranks[index]). \(run.racer) (\(scenario.racers[index].optimizerName)): "
            if let d = run.divergedAt {
                text += "diverged at epoch \(d)"
            } else {
                text += "loss \(NumberFormat.short(run.losses.last ?? .nan)) after \(run.losses.count) epochs"
                if let accuracy = race.accuracy(run) { text += ", \(Int((accuracy * 100).rounded()))% right" }
            }
            lines.append(text)
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
