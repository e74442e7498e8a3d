import Foundation
import OptraceCore
import Yams

/// Base scenarios already checked, by their text and file name: a page's every change re-reads the same base, so its
/// checking (two YAML passes) is done once.
///
/// Holds at most `capacity` bases, dropping the oldest; only bases that passed are kept.
public final class BaseScenarioCache: @unchecked Sendable {
    struct Entry {
        let scenario: Scenario
        let root: Node
    }

    let capacity: Int
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var order: [String] = []

    public init(capacity: Int = 64) {
        self.capacity = capacity
    }

    /// The checked scenario and node tree of `text` (named `file` in errors, `name` by default).
    func base(text: String, file: String, name: String) throws(ScenarioError) -> (Scenario, Node) {
        let key = file + "\u{0}" + name + "\u{0}" + text
        if let hit = lock.withLock({ entries[key] }) { return (hit.scenario, hit.root) }
        let scenario = try ScenarioLoader.parse(yaml: text, file: file, defaultName: name)
        let root = try ScenarioLoader.compose(yaml: text, file: file)
        lock.withLock {
            if entries[key] == nil {
                entries[key] = Entry(scenario: scenario, root: root)
                order.append(key)
                while order.count > capacity { entries[order.removeFirst()] = nil }
            }
        }
        return (scenario, root)
    }
}
