import Foundation
import OptraceCore

/// Finds the scenario a command names: a path, a name in `./scenarios/`, or a built-in.
public enum ScenarioLocator {
    /// The scenario used when none is named.
    public static let defaultName = "valley-bump"

    /// Loads the surface scenario `argument` names (nil: the built-in default); a network scenario is refused.
    public static func load(_ argument: String?) throws(ScenarioError) -> Scenario {
        switch try loadDocument(argument) {
        case .surface(let scenario): return scenario
        case .model(let model):
            throw ScenarioError(file: model.source, message: "is a network scenario (model: instead of surface:); optrace race and optrace audit take it, this needs a surface")
        }
    }

    /// Loads the scenario of either kind that `argument` names (nil: the built-in default).
    public static func loadDocument(_ argument: String?) throws(ScenarioError) -> ScenarioDocument {
        guard let argument else { return try builtinDocument(defaultName)! }
        let builtins = BuiltinScenarios.names + BuiltinScenarios.modelNames
        if argument.utf8.contains(UInt8(ascii: "/")) || argument.hasSuffix(".yaml") || argument.hasSuffix(".yml")
            || exists(argument)
        {
            if exists(argument) || !builtins.contains(stem(argument)) {
                return try ScenarioLoader.loadDocument(path: argument)
            }
        }
        for candidate in ["scenarios/\(argument).yaml", "scenarios/\(argument).yml"] where exists(candidate) {
            return try ScenarioLoader.loadDocument(path: candidate)
        }
        if let scenario = try builtinDocument(stem(argument)) { return scenario }
        throw ScenarioError(
            file: argument,
            message: "no such scenario file or name\(Suggestion.hint(for: stem(argument), in: builtins)); built-in scenarios: \(builtins.joined(separator: ", "))")
    }

    /// The built-in scenario `name` of either kind, if there is one.
    public static func builtinDocument(_ name: String) throws(ScenarioError) -> ScenarioDocument? {
        guard let text = BuiltinScenarios.text(named: name) else { return nil }
        return try ScenarioLoader.parseDocument(yaml: text, file: "scenarios/\(name).yaml (built in)", defaultName: name)
    }

    /// The built-in surface scenario `name`, if there is one.
    public static func builtin(_ name: String) throws(ScenarioError) -> Scenario? {
        guard case .surface(let scenario)? = try builtinDocument(name) else { return nil }
        return scenario
    }

    /// Whether something (a file, a folder) is at `path`, following symbolic links: `stat`, where Foundation's
    /// `FileManager` would first be set up.
    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    static func stem(_ argument: String) -> String {
        return PathText.deletingExtension(PathText.lastComponent(argument))
    }
}
