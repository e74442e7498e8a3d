/// One run of a batched sweep: which configuration, from which start, with which noise seed (indices).
public struct SweepRun: Sendable, Hashable {
    public var configuration: Int
    public var start: Int
    public var seed: Int

    public init(configuration: Int, start: Int = 0, seed: Int = 0) {
        self.configuration = configuration
        self.start = start
        self.seed = seed
    }
}
