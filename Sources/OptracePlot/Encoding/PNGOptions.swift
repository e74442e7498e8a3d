import CPNG

/// libpng compression settings: zlib level and strategy, and the row filters libpng may choose from.
public struct PNGOptions: Sendable, Hashable {
    /// zlib/deflate strategy.
    public enum Strategy: Sendable, Hashable {
        case `default`, filtered, rle, huffmanOnly

        var zlibValue: Int32 {
            switch self {
            case .default: return Z_DEFAULT_STRATEGY
            case .filtered: return Z_FILTERED
            case .rle: return Z_RLE
            case .huffmanOnly: return Z_HUFFMAN_ONLY
            }
        }
    }

    /// PNG row filters (libpng tries each allowed one per row and keeps the cheapest).
    public struct Filters: OptionSet, Sendable, Hashable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        public static let none = Filters(rawValue: 0x08)
        public static let sub = Filters(rawValue: 0x10)
        public static let up = Filters(rawValue: 0x20)
        public static let average = Filters(rawValue: 0x40)
        public static let paeth = Filters(rawValue: 0x80)
        public static let all: Filters = [.none, .sub, .up, .average, .paeth]
    }

    /// zlib level 0…9.
    public var level: Int
    public var strategy: Strategy
    public var filters: Filters
    /// Write colour type RGB (3 bytes per pixel) when every pixel is opaque.
    public var dropOpaqueAlpha: Bool

    public init(level: Int = 1, strategy: Strategy = .rle, filters: Filters = .up, dropOpaqueAlpha: Bool = true) {
        precondition((0...9).contains(level))
        self.level = level
        self.strategy = strategy
        self.filters = filters
        self.dropOpaqueAlpha = dropOpaqueAlpha
    }

    /// Standalone frames: zlib level 1, Z_RLE, Up filter, RGB when opaque. Measured on 800×600 race frames
    /// (see `bench/README.md`): about 3.7× faster than libpng's default (level 6, adaptive filters) for ~35% more bytes.
    public static let standard = PNGOptions()
    /// The first (full) frame of an APNG: written once, so compression matters more than speed.
    public static let apngKeyframe = PNGOptions(level: 6, strategy: .default, filters: .all, dropOpaqueAlpha: false)
}
