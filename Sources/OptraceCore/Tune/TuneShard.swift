/// Which part of a sweep one job runs: shard i of n (1-based), a contiguous block of cells.
public struct TuneShard: Sendable, Equatable {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws(TuneError) {
        guard count >= 1, (1...count).contains(index) else {
            throw TuneError("--shard \(index)/\(count): expected I/N with 1 ≤ I ≤ N")
        }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`.
    public static func parse(_ text: String) throws(TuneError) -> TuneShard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw TuneError("--shard '\(text)': expected I/N, for example 3/8 (shard 3 of 8, numbered from 1)")
        }
        return try TuneShard(index: i, count: n)
    }

    /// This shard's cells among `cells`: block i of n nearly equal blocks.
    public func cells(of total: Int) -> Range<Int> {
        ((index - 1) * total / count)..<(index * total / count)
    }

    /// The shard's file name, `tune-shard-I-of-N.json`.
    public var fileName: String { "tune-shard-\(index)-of-\(count).json" }
}
