import Foundation

/// A thread-safe cache of at most `capacity` values, dropping the least recently used; values are made outside the
/// lock, so two requests may make the same value once each (the first stored is kept).
final class LRUCache<Key: Hashable, Value>: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: Value] = [:]
    private var order: [Key] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value for `key`, made by `make` when it is not held (a thrown error is passed on, nothing stored).
    func value<E: Error>(for key: Key, make: () throws(E) -> Value) throws(E) -> Value {
        if let hit = lock.withLock({ () -> Value? in
            guard let hit = entries[key] else { return nil }
            order.removeAll { $0 == key }
            order.append(key)
            return hit
        }) {
            return hit
        }
        let made = try make()
        return lock.withLock {
            if let first = entries[key] { return first }
            entries[key] = made
            order.append(key)
            while order.count > capacity { entries[order.removeFirst()] = nil }
            return made
        }
    }

    /// How many values are held.
    var count: Int { lock.withLock { entries.count } }
}
