import Foundation

/// Each colour's nearest palette entry, found once and remembered (a table over all 2²⁴ colours, filled lazily).
///
/// Not thread-safe: each worker keeps its own. The answers are `GIFPalette.nearest`'s, so they do not depend on
/// which worker asked first.
public final class GIFColorIndex {
    public let palette: GIFPalette
    private let table: UnsafeMutablePointer<UInt8>
    private let known: UnsafeMutablePointer<UInt64>

    public init(palette: GIFPalette) {
        self.palette = palette
        // calloc maps zero pages lazily: only the colours met cost memory.
        table = calloc(1 << 24, 1)!.assumingMemoryBound(to: UInt8.self)
        known = calloc(1 << 18, 8)!.assumingMemoryBound(to: UInt64.self)
    }

    deinit {
        free(table)
        free(known)
    }

    /// The entry for an opaque colour `0xBBGGRR`.
    @inline(__always)
    public func index(_ color: UInt32) -> UInt8 {
        let word = Int(color >> 6), bit = UInt64(1) << (color & 63)
        if known[word] & bit != 0 { return table[Int(color)] }
        let i = palette.nearest(color)
        table[Int(color)] = i
        known[word] |= bit
        return i
    }
}
