import Foundation
import OptraceCore

/// Finds the scenario a command names: a path, a name in `./scenarios/`, or a built-in.
public enum ScenarioLocator {
    /// The scenario used when none is named.
    public static let defaultName = "valley-bump"

    /// Loads the scenario `argument` names (nil: the built-in default).
    public static func load(_ argument: String?) throws(ScenarioError) -> Scenario {
        guard let argument else { return try builtin(defaultName)! }
        let manager = FileManager.default
        if argument.contains("/") || argument.hasSuffix(".yaml") || argument.hasSuffix(".yml")
            || manager.fileExists(atPath: argument)
        {
            if manager.fileExists(atPath: argument) || !BuiltinScenarios.names.contains(stem(argument)) {
                return try ScenarioLoader.load(path: argument)
            }
        }
        for candidate in ["scenarios/\(argument).yaml", "scenarios/\(argument).yml"] where manager.fileExists(atPath: candidate) {
            return try ScenarioLoader.load(path: candidate)
        }
        if let scenario = try builtin(stem(argument)) { return scenario }
        let names = BuiltinScenarios.names
        throw ScenarioError(
            file: argument,
            message: "no such scenario file or name\(Suggestion.hint(for: stem(argument), in: names)); built-in scenarios: \(names.joined(separator: ", "))")
    }

    /// The built-in scenario `name`, if there is one.
    public static func builtin(_ name: String) throws(ScenarioError) -> Scenario? {
        guard let text = BuiltinScenarios.text(named: name) else { return nil }
        return try ScenarioLoader.parse(yaml: text, file: "scenarios/\(name).yaml (built in)", defaultName: name)
    }

    static func stem(_ argument: String) -> String {
        return PathText.deletingExtension(PathText.lastComponent(argument))
    }
}
