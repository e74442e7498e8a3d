import OptraceCore
import Yams

/// A tuning request: the race request's scenario and changes, the racer to tune, its swept parameters
/// (`lr=0.01:3:log:32`, as `--param` takes them), and optionally the objective and the number of seeds.
public struct TuneQuery {
    public static let keys = ["racer", "params", "objective", "seeds", "window_factor"]

    public let race: RaceQuery
    public let racerName: String?
    public let params: [String]
    public let objective: String
    public let seeds: Int?
    public let windowFactor: Double

    public init(body: [UInt8], scenarios: LiveScenarios) throws(LiveError) {
        guard let text = String(validating: body, as: UTF8.self) else { throw LiveError(400, "request: the body is not UTF-8 text") }
        var mapping = try RaceQuery.mapping(text)
        func scalar(_ key: String) throws(LiveError) -> String? {
            guard let node = mapping[key] else { return nil }
            mapping[key] = nil
            guard case .scalar(let s) = node else { throw LiveError(400, "request: \(key): expected a single value", field: key) }
            return s.string
        }
        racerName = try scalar("racer")
        objective = try scalar("objective") ?? "final-loss"
        if let text = try scalar("seeds") {
            guard let n = Int(text), (1...20).contains(n) else {
                throw LiveError(400, "request: seeds: expected a whole number from 1 to 20, found '\(text.prefix(40))'", field: "seeds")
            }
            seeds = n
        } else {
            seeds = nil
        }
        if let text = try scalar("window_factor") {
            guard let f = Double(text), f.isFinite, f > 1 else {
                throw LiveError(400, "request: window_factor: expected a number > 1, found '\(text.prefix(40))'", field: "window_factor")
            }
            windowFactor = f
        } else {
            windowFactor = 10
        }
        guard let paramsNode = mapping["params"] else {
            throw LiveError(400, "request: params: expected one or two swept parameters such as [\"lr=0.01:3:log:32\"]", field: "params")
        }
        mapping["params"] = nil
        guard case .sequence(let sequence) = paramsNode, (1...2).contains(sequence.count) else {
            throw LiveError(400, "request: params: expected a list of one or two swept parameters such as [\"lr=0.01:3:log:32\"]", field: "params")
        }
        var params: [String] = []
        for item in sequence {
            guard case .scalar(let s) = item else { throw LiveError(400, "request: params: expected text such as \"lr=0.01:3:log:32\"", field: "params") }
            params.append(s.string)
        }
        self.params = params
        race = try RaceQuery(mapping: mapping, scenarios: scenarios)
    }

    /// The sweep this asks for, checked against `limits`.
    public func sweep(limits: LiveLimits, cache: BaseScenarioCache? = nil) throws(LiveError) -> (scenario: Scenario, header: SweepHeader, target: TuneTarget) {
        let scenario = try race.resolve(maximumSteps: limits.maximumSteps, cache: cache).scenario
        let racer: Racer
        if let racerName {
            guard let found = scenario.racers.first(where: { $0.name == racerName }) else {
                let names = scenario.racers.map(\.name)
                throw LiveError(
                    400, "request: racer: unknown racer '\(racerName.prefix(80))'\(Suggestion.hint(for: racerName, in: names)); the racers are \(names.joined(separator: ", "))",
                    field: "racer")
            }
            racer = found
        } else {
            guard let first = scenario.racers.first else { throw LiveError(400, "request: racer: the scenario has no racer", field: "racer") }
            racer = first
        }
        let objective: SweepObjective
        do {
            objective = try SweepObjective.parse(self.objective)
        } catch {
            throw LiveError(400, "request: objective: \(error.message)", field: "objective")
        }
        do throws(TuneError) {
            let target = try TuneTarget(racer: racer)
            let axes = try params.map { text throws(TuneError) in try SweepAxis.parse(text, random: false) }
            let plan = try SweepPlan(axes: axes)
            try target.check(plan)
            if plan.cellCount > limits.maximumSweepCells {
                throw TuneError("\(plan.cellCount) configurations are over the live limit of \(limits.maximumSweepCells); sweep a coarser grid")
            }
            let header = try SweepHeader(
                scenario: scenario, racer: racer, plan: plan, objective: objective, seedCount: seeds,
                windowFactor: windowFactor)
            let runSteps = plan.cellCount * header.seeds.count * header.steps
            if runSteps > limits.maximumSweepRunSteps {
                throw TuneError("\(plan.cellCount) configurations × \(header.seeds.count) seeds × \(header.steps) steps are \(runSteps) steps, over the live limit of \(limits.maximumSweepRunSteps); use fewer cells, seeds or steps")
            }
            return (scenario, header, target)
        } catch {
            throw LiveError(400, "request: params: \(error.message)", field: "params")
        }
    }
}
