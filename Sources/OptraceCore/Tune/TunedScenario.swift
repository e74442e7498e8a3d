/// A scenario as YAML with its racers replaced: the `tuned.yaml` that `optrace race` reproduces.
public enum TunedScenario {
    /// YAML for `scenario` racing `racers` (with their tuned hyperparameters) under the name `name`, described
    /// by `description` (the original scenario's description tells of other settings, so it is not kept).
    public static func yaml(_ scenario: Scenario, racers: [Racer], name: String, note: String, description: String) -> String {
        var out = "# \(note)\n"
        out += "name: \(name)\n"
        out += "title: \(quoted(scenario.title + " (tuned)"))\n"
        out += "description: \(quoted(description))\n"
        out += "surface:\n"
        if !scenario.surfaceTerms.isEmpty {
            out += "  terms:\n"
            for term in scenario.surfaceTerms {
                let parameters = term.parameters.keys.sorted().map { key -> String in
                    let values = term.parameters[key] ?? []
                    let text = values.count == 1 ? number(values[0]) : "[" + values.map(number).joined(separator: ", ") + "]"
                    return "\(key): \(text)"
                }
                out += parameters.isEmpty ? "    - \(term.name)\n" : "    - \(term.name): {\(parameters.joined(separator: ", "))}\n"
            }
        }
        if let expression = scenario.surfaceExpression { out += "  expr: \(quoted(expression))\n" }
        let d = scenario.surface.domain
        out += "  domain: {x: [\(number(d.xRange.lowerBound)), \(number(d.xRange.upperBound))], y: [\(number(d.yRange.lowerBound)), \(number(d.yRange.upperBound))]}\n"
        if !scenario.surface.minima.isEmpty {
            out += "  minima: [" + scenario.surface.minima.map { "[\(number($0.point.x)), \(number($0.point.y))]" }.joined(separator: ", ") + "]\n"
        }
        out += "start: [\(number(scenario.start.x)), \(number(scenario.start.y))]\n"
        out += "steps: \(scenario.steps)\n"
        let noise = scenario.noise
        let sigma = noise.sigma.x == noise.sigma.y ? number(noise.sigma.x) : "[\(number(noise.sigma.x)), \(number(noise.sigma.y))]"
        out += "noise: {sigma: \(sigma), batch: \(noise.batch), seed: \(noise.seed)}\n"
        out += "racers:\n"
        for racer in racers {
            var fields = ["name: \(quoted(racer.name))", "optimizer: \(racer.optimizerName)"]
            for entry in racer.hyperparameters.entries {
                switch entry.value {
                case .number(let v): fields.append("\(entry.name): \(number(v))")
                case .pair(let a, let b): fields.append("\(entry.name): [\(number(a)), \(number(b))]")
                case .flag(let b): fields.append("\(entry.name): \(b)")
                case .text(let t): fields.append("\(entry.name): \(t)")
                }
            }
            if let schedule = racer.schedule {
                let settings = schedule.settings.map { ", \($0.name): \(number($0.value))" }.joined()
                fields.append("schedule: {type: \(schedule.type.name)\(settings)}")
            }
            if let clipping = racer.clipping { fields.append("\(clipping.key): \(number(clipping.threshold))") }
            if !racer.noisy { fields.append("noise: false") }
            if let start = racer.start { fields.append("start: [\(number(start.x)), \(number(start.y))]") }
            if let color = racer.color { fields.append("color: \(quoted(color))") }
            if let dash = racer.dash { fields.append("dash: \(dash)") }
            out += "  - {\(fields.joined(separator: ", "))}\n"
        }
        out += "checkpoints: [\(scenario.checkpoints.map(String.init).joined(separator: ", "))]\n"
        out += "threshold: \(number(scenario.threshold))\n"
        return out
    }

    /// A number that reads back as the same float64 (with a decimal point, so YAML takes it as a number).
    static func number(_ v: Double) -> String {
        var text = NumberFormat.roundTrip(v)
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), !text[..<e].contains(".") {
            text.insert(contentsOf: ".0", at: e)
        }
        return text
    }

    /// A YAML double-quoted scalar: JSON's string syntax, which YAML reads as is.
    static func quoted(_ s: String) -> String { JSONValue.quoted(s) }
}
