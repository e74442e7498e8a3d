import Foundation
import Synchronization

/// A stop requested by SIGINT or SIGTERM: long loops poll it and end early, leaving only complete files.
///
/// `installHandlers()` (called by the executable) turns the first SIGINT or SIGTERM into a
/// request and restores the default action, so a second signal ends the process at once.
public enum Interruption {
    private static let signalNumber = Atomic<Int32>(0)

    /// Whether a stop has been requested.
    public static var isRequested: Bool { signalNumber.load(ordering: .relaxed) != 0 }

    /// The signal that requested the stop (0 when none).
    public static var signal: Int32 { signalNumber.load(ordering: .relaxed) }

    /// Requests a stop as if `signal` had arrived.
    public static func request(signal: Int32 = SIGINT) {
        signalNumber.store(signal, ordering: .relaxed)
    }

    /// Forgets a request (for tests and for a new command in the same process).
    public static func reset() {
        signalNumber.store(0, ordering: .relaxed)
    }

    /// Throws `Interrupted` when a stop has been requested.
    public static func check() throws(Interrupted) {
        if isRequested { throw Interrupted(signal: signal) }
    }

    /// Makes SIGINT and SIGTERM request a stop (once; a second signal has its default effect).
    /// Both are unblocked too, since a parent may have started us with them blocked.
    public static func installHandlers() {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for s in [SIGINT, SIGTERM] {
            var action = sigaction()
            #if os(Linux)
                action.__sigaction_handler.sa_handler = { received in
                    Interruption.signalNumber.store(received, ordering: .relaxed)
                    Foundation.signal(received, SIG_DFL)
                }
            #else
                action.__sigaction_u.__sa_handler = { received in
                    Interruption.signalNumber.store(received, ordering: .relaxed)
                    Foundation.signal(received, SIG_DFL)
                }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(s, &action, nil)
        }
    }
}

/// The error thrown where work stops because of SIGINT or SIGTERM.
public struct Interrupted: Error, Sendable, Equatable, CustomStringConvertible {
    public let signal: Int32

    public var description: String { signal == SIGTERM ? "terminated (SIGTERM)" : "interrupted (SIGINT)" }

    /// The conventional exit code: 128 + the signal number.
    public var exitCode: Int32 { 128 + signal }
}
