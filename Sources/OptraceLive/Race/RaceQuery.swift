import OptraceCore
import Yams

/// A race request: a base scenario (a name, or YAML text) and what the page changed: steps, start, noise, racers,
/// threshold or checkpoints, written as in a scenario file (JSON is YAML).
///
/// The base is checked on its own first, so its errors give its own lines; the changes are merged into its node tree
/// and the whole checked again, their errors naming the key (`racers[1].lr`) in file `request`.
public struct RaceQuery {
    /// The keys a request may change.
    public static let changeableKeys = ["steps", "start", "noise", "racers", "threshold", "checkpoints"]
    /// Every key a request may hold.
    public static let keys = ["scenario", "yaml"] + changeableKeys

    /// The base scenario's name (`scenario`) or nil for YAML text.
    public let name: String?
    public let baseText: String
    public let baseFile: String
    /// The changes, in request order.
    let changes: [(key: String, node: Node)]

    /// Reads a request body (UTF-8 JSON or YAML mapping).
    public init(body: [UInt8], scenarios: LiveScenarios) throws(LiveError) {
        guard let text = String(validating: body, as: UTF8.self) else { throw LiveError(400, "request: the body is not UTF-8 text") }
        try self.init(mapping: Self.mapping(text), scenarios: scenarios)
    }

    /// The request body as a mapping node.
    static func mapping(_ text: String) throws(LiveError) -> Node.Mapping {
        let root: Node
        do {
            root = try ScenarioLoader.compose(yaml: text, file: "request")
        } catch {
            throw LiveError(400, error.headline)
        }
        guard case .mapping(let mapping) = root else {
            throw LiveError(400, "request: expected a JSON object with 'scenario' or 'yaml' and the keys to change")
        }
        return mapping
    }

    init(mapping: Node.Mapping, scenarios: LiveScenarios) throws(LiveError) {
        var name: String?
        var yaml: String?
        var changes: [(String, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw LiveError(400, "request: expected text keys") }
            if changes.contains(where: { $0.0 == key }) || (key == "scenario" && name != nil) || (key == "yaml" && yaml != nil) {
                throw LiveError(400, "request: '\(key)' is given twice", field: key)
            }
            switch key {
            case "scenario":
                guard case .scalar(let s) = value else { throw LiveError(400, "request: scenario: expected a scenario name", field: "scenario") }
                name = s.string
            case "yaml":
                guard case .scalar(let s) = value else { throw LiveError(400, "request: yaml: expected the scenario's YAML as text", field: "yaml") }
                yaml = s.string
            case _ where Self.changeableKeys.contains(key):
                changes.append((key, value))
            default:
                throw LiveError(
                    400, "request: unknown key '\(key.prefix(80))'\(Suggestion.hint(for: key, in: Self.keys)); expected \(Self.keys.joined(separator: ", "))",
                    field: key)
            }
        }
        switch (name, yaml) {
        case (let name?, nil):
            let (text, file) = try scenarios.text(named: name)
            self.init(name: name, baseText: text, baseFile: file, changes: changes)
        case (nil, let yaml?):
            self.init(name: nil, baseText: yaml, baseFile: "scenario.yaml", changes: changes)
        case (nil, nil):
            throw LiveError(400, "request: expected 'scenario' (a name) or 'yaml' (a scenario's text)", field: "scenario")
        case (_?, _?):
            throw LiveError(400, "request: give 'scenario' or 'yaml', not both", field: "yaml")
        }
    }

    init(name: String?, baseText: String, baseFile: String, changes: [(key: String, node: Node)]) {
        self.name = name
        self.baseText = baseText
        self.baseFile = baseFile
        self.changes = changes
    }

    /// What the request resolves to: the scenario, its YAML (what `optrace race` reproduces) and the part of it a
    /// page edits (`steps`, `start`, `noise`, `racers`, `threshold`).
    public struct Resolved: Sendable {
        public let scenario: Scenario
        public let yaml: String
        public let spec: JSONValue
    }

    /// Checks the base, merges the changes and checks the whole; `maximumSteps` bounds the race.
    public func resolve(maximumSteps: Int, cache: BaseScenarioCache? = nil) throws(LiveError) -> Resolved {
        let defaultName = name ?? "scenario"
        let base: Scenario
        let baseRoot: Node
        do {
            if let cache {
                (base, baseRoot) = try cache.base(text: baseText, file: baseFile, name: defaultName)
            } else {
                base = try ScenarioLoader.parse(yaml: baseText, file: baseFile, defaultName: defaultName)
                baseRoot = try ScenarioLoader.compose(yaml: baseText, file: baseFile)
            }
        } catch {
            throw LiveError(400, error.headline, field: error.keyPath ?? (name == nil ? "yaml" : "scenario"))
        }
        guard case .mapping(var merged) = baseRoot else { throw LiveError(400, "\(baseFile): expected a scenario mapping", field: "yaml") }
        var scenario = base
        var stepsChange: Node?
        if !changes.isEmpty {
            for (key, node) in changes where key != "steps" { merged[key] = node }
            stepsChange = changes.first { $0.key == "steps" }?.node
            let text: String
            do { text = try Yams.serialize(node: .mapping(merged)) } catch {
                throw LiveError(400, "request: cannot be written as YAML (\(error))")
            }
            do {
                scenario = try ScenarioLoader.parse(yaml: text, file: "request", defaultName: defaultName)
            } catch {
                var refusal = error
                refusal.line = nil
                refusal.column = nil
                refusal.excerpt = nil
                throw LiveError(refusal)
            }
        }
        if let stepsChange {
            guard case .scalar(let s) = stepsChange, s.style == .plain, let steps = Int(s.string) else {
                throw LiveError(400, "request: steps: expected a whole number from 1 to \(maximumSteps)", field: "steps")
            }
            guard (1...maximumSteps).contains(steps) else {
                throw LiveError(400, "request: steps: expected a whole number from 1 to \(maximumSteps) (the live limit), found \(steps)", field: "steps")
            }
            scenario = scenario.with(steps: steps)
            merged["steps"] = Node(String(steps))
            merged["checkpoints"] = Node(scenario.checkpoints.map { Node(String($0)) }, .implicit, .flow)
        }
        if scenario.steps > maximumSteps {
            throw LiveError(400, "\(baseFile): steps: \(scenario.steps) is over the live limit of \(maximumSteps) steps; change steps", field: "steps")
        }
        let yaml: String
        if changes.isEmpty {
            yaml = baseText
        } else {
            do { yaml = try Yams.serialize(node: .mapping(merged)) } catch {
                throw LiveError(400, "request: cannot be written as YAML (\(error))")
            }
        }
        let spec = JSONValue.object(["steps", "start", "noise", "racers", "threshold"].compactMap { key in
            merged[key].map { (key, YAMLJSON.json($0)) }
        })
        return Resolved(scenario: scenario, yaml: yaml, spec: spec)
    }
}
