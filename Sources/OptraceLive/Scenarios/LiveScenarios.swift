import Foundation
import OptraceCore

/// The scenarios the server may read: the built-in ones and `scenarios/NAME.yaml` in its folder, by name only.
///
/// A name is letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 64 characters, so no request
/// can name a path: no slash, no `..`, nothing outside `scenarios/`.
public struct LiveScenarios: Sendable {
    /// The folder holding `scenarios/`.
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Whether `name` may name a scenario.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 64, !name.contains("..") else { return false }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        return CharacterSet.alphanumerics.contains(first) && first.isASCII
            && name.unicodeScalars.allSatisfy { allowed.contains($0) }
    }

    /// The names of `scenarios/*.yaml` in the folder that are valid names, network scenarios (`model:`) left out:
    /// the pages race on surfaces.
    public func localNames() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/scenarios")) ?? []
        return entries.compactMap { entry -> String? in
            for suffix in [".yaml", ".yml"] where entry.hasSuffix(suffix) {
                let name = String(entry.dropLast(suffix.count))
                guard Self.isValidName(name) else { return nil }
                let text = (try? ScenarioLoader.readText(path: folder + "/scenarios/" + entry)) ?? ""
                return ScenarioLoader.isModelScenario(text) ? nil : name
            }
            return nil
        }.sorted()
    }

    /// Every name on offer: the local ones first (they shadow built-ins, as on the command line), then the rest.
    public func names() -> [String] {
        let local = localNames()
        return local + BuiltinScenarios.names.filter { !local.contains($0) }
    }

    /// The text of scenario `name` and the file name its errors give.
    public func text(named name: String) throws(LiveError) -> (text: String, file: String) {
        guard Self.isValidName(name) else {
            throw LiveError(400, "scenario name '\(name.prefix(80))': expected letters, digits, '.', '_' or '-' (a name, not a path)", field: "scenario")
        }
        for suffix in [".yaml", ".yml"] {
            let path = folder + "/scenarios/" + name + suffix
            if FileManager.default.fileExists(atPath: path) {
                do {
                    return (try ScenarioLoader.readText(path: path), "scenarios/\(name)\(suffix)")
                } catch {
                    throw LiveError(400, "scenarios/\(name)\(suffix): \(error.message)", field: "scenario")
                }
            }
        }
        if let text = BuiltinScenarios.text(named: name) { return (text, "scenarios/\(name).yaml (built in)") }
        let all = names()
        throw LiveError(
            404, "no scenario named '\(name)'\(Suggestion.hint(for: name, in: all)); scenarios: \(all.joined(separator: ", "))",
            field: "scenario")
    }
}
