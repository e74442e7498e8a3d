/// The bounds every live request is held to, lower than the command line's so each answer stays interactive.
public struct LiveLimits: Sendable {
    /// The largest request body, in bytes.
    public var maximumBodyBytes = 1 << 20
    /// The largest request target (path and query), in bytes.
    public var maximumTargetBytes = 64 * 1024
    /// The most steps a live race may run.
    public var maximumSteps = 20_000
    /// The most cells a live sweep may run.
    public var maximumSweepCells = 4096
    /// The most run-steps (cells × seeds × steps) a live sweep may run, which bounds its time (about a second).
    public var maximumSweepRunSteps = 40_000_000
    /// The largest picture side, in pixels.
    public var maximumPicturePixels = 2400

    public init() {}
}
