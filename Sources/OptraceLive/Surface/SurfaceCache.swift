import Foundation
import OptraceCore
import OptracePictures
import OptracePlot

/// The surface maps drawn so far, by scenario text and size: a page's changes (racers, noise, steps) never redraw it.
///
/// Holds at most `capacity` maps (about 0.1 MB each at 800 × 600), dropping the least recently used.
public final class SurfaceCache: @unchecked Sendable {
    /// What a map is drawn from.
    struct Key: Hashable {
        let text: String
        let width: Int
        let height: Int
        let scale: Double
        let colormap: String
    }

    let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: SurfaceMapPicture] = [:]
    private var order: [Key] = []

    public init(capacity: Int = 32) {
        self.capacity = capacity
    }

    /// The map of `scenario` (whose YAML is `text`), drawn now or taken from the cache.
    func picture(text: String, scenario: Scenario, width: Int, height: Int, scale: Double, colormap: Colormap) throws -> SurfaceMapPicture {
        let key = Key(text: text, width: width, height: height, scale: scale, colormap: colormap.name)
        if let hit = lock.withLock({ () -> SurfaceMapPicture? in
            guard let hit = entries[key] else { return nil }
            order.removeAll { $0 == key }
            order.append(key)
            return hit
        }) {
            return hit
        }
        let picture = try SurfaceMapPicture(scenario: scenario, width: Double(width), height: Double(height), scale: scale, colormap: colormap)
        lock.withLock {
            if entries[key] == nil {
                entries[key] = picture
                order.append(key)
                while order.count > capacity { entries[order.removeFirst()] = nil }
            }
        }
        return picture
    }

    /// How many maps are held.
    public var count: Int { lock.withLock { entries.count } }
}
