import ArgumentParser
import OptraceCore

/// `optrace list`: the scenarios, surface terms and optimizers optrace knows.
public struct ListCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List scenarios, surface terms, optimizers, schedules and clipping with their parameters and defaults.",
        discussion: "'optimizers' includes the schedules and clipping a racer can add; 'schedules' and 'clipping' list those alone."
    )

    /// What to list.
    public enum Topic: String, ExpressibleByArgument, CaseIterable, Sendable {
        case all, scenarios, terms, optimizers, schedules, clipping
    }

    @Argument(help: "What to list: \(Topic.allCases.map(\.rawValue).joined(separator: ", ")).")
    public var topic: Topic = .all

    public init() {}

    public func run() throws {
        let console = Console.current
        var sections: [String] = []
        if topic == .all || topic == .scenarios { sections.append(try scenarios()) }
        if topic == .all || topic == .terms { sections.append(terms()) }
        switch topic {
        case .all, .optimizers: sections.append(optimizers() + "\n" + schedules() + "\n" + clipping())
        case .schedules: sections.append(schedules())
        case .clipping: sections.append(clipping())
        case .scenarios, .terms: break
        }
        console.write(sections.joined(separator: "\n"))
    }

    func scenarios() throws -> String {
        var out = "Scenarios (built in; ./scenarios/NAME.yaml takes precedence)\n"
        let loaded = try BuiltinScenarios.names.map { name throws -> Scenario in
            try ScenarioLocator.builtin(name)!
        }
        let width = loaded.map(\.name.count).max() ?? 0
        for scenario in loaded {
            let racers = scenario.racers.map(\.name).joined(separator: ", ")
            out += "  \(pad(scenario.name, width))  \(scenario.title) — \(scenario.steps) steps; \(racers)\n"
        }
        out += "Network scenarios (model: instead of surface:; optrace race NAME, optrace audit NAME)\n"
        let models = try BuiltinScenarios.modelNames.compactMap { name throws -> ModelScenario? in
            guard case .model(let model)? = try ScenarioLocator.builtinDocument(name) else { return nil }
            return model
        }
        let modelWidth = models.map(\.name.count).max() ?? 0
        for model in models {
            let racers = model.racers.map(\.name).joined(separator: ", ")
            let layers = model.shape.widths.map(String.init).joined(separator: "-")
            out += "  \(pad(model.name, modelWidth))  \(model.title) — \(layers) on \(model.data.name), \(model.epochs) epochs; \(racers)\n"
        }
        return out
    }

    func terms() -> String {
        var out = "Surface terms (surface.terms: - NAME: {parameter: value, …})\n"
        for term in TermCatalog.all {
            out += "  \(term.name): \(term.summary)\n"
            out += "      f = \(term.formula)\n"
            for p in term.parameters {
                let value = p.defaultValue.count == 1
                    ? NumberFormat.short(p.defaultValue[0]) : "[\(p.defaultValue.map { NumberFormat.short($0) }.joined(separator: ", "))]"
                out += "      \(pad(p.name, 12)) default \(pad(value, 10)) \(p.summary)\n"
            }
            let minima = term.minima([:])
            if !minima.isEmpty {
                let text = minima.prefix(4).map { "(\(NumberFormat.short($0.point.x)), \(NumberFormat.short($0.point.y)))" }
                out += "      minima (defaults): \(text.joined(separator: ", "))\(minima.count > 4 ? ", …" : "")\n"
            }
        }
        return out
    }

    func optimizers() -> String {
        var out = "Optimizers (racers: - {name: …, optimizer: NAME, parameter: value, …})\n"
        for definition in OptimizerCatalog.all {
            out += "  \(definition.name): \(definition.summary)\n"
            for line in definition.formula { out += "      \(line)\n" }
            var rows: [(String, String, String, String)] = []
            for p in definition.parameters {
                rows.append((p.name, p.symbol, p.defaultValue.description, p.summary))
                if case .pair(let a, let b) = p.defaultValue {
                    let symbols = p.symbol.split(separator: ",").map(String.init)
                    for (i, component) in p.componentNames.enumerated() {
                        let symbol = i < symbols.count ? symbols[i] : component
                        rows.append((component, symbol, NumberFormat.short(i == 0 ? a : b), "the same as \(p.name)[\(i)] (give one form)"))
                    }
                }
            }
            let widths = (
                rows.map(\.0.count).max() ?? 0, rows.map(\.1.count).max() ?? 0, rows.map(\.2.count).max() ?? 0)
            for (name, symbol, value, summary) in rows {
                out += "      \(pad(name, widths.0))  \(pad(symbol, widths.1))  default \(pad(value, widths.2))  \(summary)\n"
            }
        }
        return out
    }

    func schedules() -> String {
        var out = "Learning-rate schedules (per racer: schedule: {type: NAME, key: value, …}; η is the racer's lr, s = 0 at the first update)\n"
        for type in ScheduleCatalog.all {
            out += "  \(type.name): \(type.summary)\n"
            out += "      \(type.formula)\n"
            for key in type.keys {
                let value = key.defaultValue.map { "default \(pad(NumberFormat.short($0), 8))" } ?? pad("required", 16)
                out += "      \(pad(key.name, 12)) \(value) \(key.summary)\n"
            }
        }
        return out
    }

    func clipping() -> String {
        var out = "Gradient clipping (per racer, before the optimizer; trajectory.csv keeps the raw gradient)\n"
        for key in GradientClipping.keys {
            out += "  \(pad(key.name + ": c", 13)) \(pad(key.formula, 22)) \(key.summary)\n"
        }
        return out
    }

    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
