import Dispatch

/// The shared pool's worker threads, started ahead of the first parallel loop.
///
/// The pool creates its threads at the first parallel loop, and a new thread takes about a millisecond to start
/// running on a small virtual machine; a command that starts them first, before loading its scenario, overlaps that
/// with its own work instead of waiting for them in the loop. Nothing else changes: the loops hand out the same
/// work, and results do not depend on the threads.
public enum WorkerThreads {
    /// Starts the pool's threads unless `threads` asks for one thread only (nil: every core).
    public static func start(unless threads: Int?) {
        guard threads != 1, SweepEngine.processorCount > 1 else { return }
        DispatchQueue.global().async {}
    }
}
