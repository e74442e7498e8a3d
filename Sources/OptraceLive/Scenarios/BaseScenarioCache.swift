import OptraceCore
import Yams

/// Base scenarios already checked, by their text and file name: a page's every change re-reads the same base, so its
/// checking (two YAML passes) is done once.
///
/// Holds at most `capacity` bases, dropping the least recently used; only bases that passed are kept.
public final class BaseScenarioCache: Sendable {
    struct Entry {
        let scenario: Scenario
        let root: Node
    }

    private let cache: LRUCache<String, Entry>

    public init(capacity: Int = 64) {
        cache = LRUCache(capacity: capacity)
    }

    /// The checked scenario and node tree of `text` (named `file` in errors, `name` by default).
    func base(text: String, file: String, name: String) throws(ScenarioError) -> (Scenario, Node) {
        let entry = try cache.value(for: file + "\u{0}" + name + "\u{0}" + text) { () throws(ScenarioError) -> Entry in
            Entry(
                scenario: try ScenarioLoader.parse(yaml: text, file: file, defaultName: name),
                root: try ScenarioLoader.compose(yaml: text, file: file))
        }
        return (entry.scenario, entry.root)
    }
}
