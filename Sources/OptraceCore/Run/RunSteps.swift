/// Where a `SteppedRun` is in its steps, and whether it goes on: not after its last step, nor once an `Interruption`
/// is requested (looked at every `checkInterval` steps, a power of two).
struct RunSteps {
    let steps: Int
    private let checkMask: Int
    /// The current step: 0 at the start, then the update just made.
    private(set) var t = 0

    init(steps: Int, checkInterval: Int) {
        precondition(checkInterval > 0 && checkInterval & (checkInterval - 1) == 0, "a power of two")
        self.steps = steps
        checkMask = checkInterval - 1
    }

    /// Moves on to the next update; false when there is none (the last step was made, an interruption was
    /// requested, or `stopped` says so at a check).
    @inline(__always)
    mutating func next(stopped: @autoclosure () -> Bool = false) -> Bool {
        t += 1
        guard t <= steps else { return false }
        if t & checkMask == 0 && (Interruption.isRequested || stopped()) { return false }
        return true
    }
}
