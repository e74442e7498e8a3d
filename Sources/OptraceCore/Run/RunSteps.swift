/// Where a `SteppedRun` is in its steps, and whether it goes on: not after its last step, nor once an `Interruption`
/// is requested (looked at every `checkInterval` steps, a power of two). No closures: the runs keep it in a stored
/// property, and a closure in the call would make every step's access to it a checked one.
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

    /// Moves on to the next update.
    @inline(__always)
    mutating func tick() { t += 1 }

    /// Whether the run makes the current update: not past its last step, nor once an interruption was requested.
    /// (Apart from `tick`, so that the stored clock is not held for write across the check.)
    @inline(__always)
    var goesOn: Bool { t <= steps && !(atCheck && Interruption.isRequested) }

    /// Whether the current step is one where a run looks at what may stop it (every `checkInterval` steps).
    @inline(__always)
    var atCheck: Bool { t & checkMask == 0 }
}
