/// Which part of a sweep one job runs: shard i of n (1-based), a contiguous block of cells.
public struct TuneShard: Sendable, Equatable {
    public let index: Int
    public let count: Int

    /// The most shards of a sweep (as many as its largest number of cells).
    public static let maximumCount = SweepPlan.maximumCells

    public init(index: Int, count: Int) throws(TuneError) {
        guard (1...Self.maximumCount).contains(count), (1...count).contains(index) else {
            throw TuneError("--shard \(index)/\(count): expected I/N with 1 ≤ I ≤ N ≤ \(Self.maximumCount)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`, or `auto` and `auto/N`, which take the shard from a scheduler's variables in `environment`
    /// (see `fromEnvironment`).
    public static func parse(_ text: String, environment: [String: String]) throws(TuneError) -> TuneShard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts[0] == "auto" {
            if parts.count == 1 { return try fromEnvironment(environment, count: nil) }
            guard parts.count == 2, let n = wholeNumber(parts[1]), (1...maximumCount).contains(n) else {
                throw TuneError("--shard '\(text)': expected auto or auto/N with N a whole number from 1 to \(maximumCount), for example auto/8")
            }
            return try fromEnvironment(environment, count: n)
        }
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw TuneError("--shard '\(text)': expected I/N, for example 3/8 (shard 3 of 8, numbered from 1), or auto, or auto/N")
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
