import OptraceCore
import OptracePictures
import OptracePlot

/// The surface maps drawn so far, by scenario text and size: a page's changes (racers, noise, steps) never redraw it.
///
/// Holds at most `capacity` maps (about 0.1 MB each at 800 × 600), dropping the least recently used.
public final class SurfaceCache: Sendable {
    /// What a map is drawn from.
    struct Key: Hashable {
        let text: String
        let width: Int
        let height: Int
        let scale: Double
        let colormap: String
    }

    private let cache: LRUCache<Key, SurfaceMapPicture>

    public init(capacity: Int = 32) {
        cache = LRUCache(capacity: capacity)
    }

    /// The map of `scenario` (whose YAML is `text`), drawn now or taken from the cache.
    func picture(text: String, scenario: Scenario, width: Int, height: Int, scale: Double, colormap: Colormap) throws -> SurfaceMapPicture {
        let key = Key(text: text, width: width, height: height, scale: scale, colormap: colormap.name)
        return try cache.value(for: key) {
            try SurfaceMapPicture(scenario: scenario, width: Double(width), height: Double(height), scale: scale, colormap: colormap)
        }
    }

    /// How many maps are held.
    public var count: Int { cache.count }
}
