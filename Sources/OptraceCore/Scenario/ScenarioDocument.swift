/// A scenario file of either kind: a race on a surface, or a race on a network's loss (`model:`).
public enum ScenarioDocument: Sendable {
    case surface(Scenario)
    case model(ModelScenario)

    /// The scenario's name.
    public var name: String {
        switch self {
        case .surface(let s): return s.name
        case .model(let m): return m.name
        }
    }
}
