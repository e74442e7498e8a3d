import Foundation

/// Where commands print: standard output and error by default, a capture in tests.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void
    /// Whether standard error is a terminal (progress bars are drawn only then).
    public let errorIsTerminal: Bool

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void, errorIsTerminal: Bool = false) {
        self.writeOut = out
        self.writeErr = err
        self.errorIsTerminal = errorIsTerminal
    }

    /// The process's standard output and error.
    public static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) },
        errorIsTerminal: isatty(STDERR_FILENO) == 1)

    /// The console of the running command.
    @TaskLocal public static var current: Console = .standard

    /// Prints `text` and a newline to standard output.
    public func print(_ text: String = "") {
        lock.lock(); defer { lock.unlock() }
        writeOut(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Writes `text` as is to standard output.
    public func write(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        writeOut(text)
    }

    /// Writes `text` as is to standard error.
    public func error(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        writeErr(text)
    }
}

/// A console that keeps what commands print, for tests.
public final class CapturedConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""

    public init() {}

    public var stdout: String { lock.lock(); defer { lock.unlock() }; return outText }
    public var stderr: String { lock.lock(); defer { lock.unlock() }; return errText }

    /// A `Console` writing into this capture.
    public var console: Console {
        Console(
            out: { [self] s in lock.lock(); outText += s; lock.unlock() },
            err: { [self] s in lock.lock(); errText += s; lock.unlock() })
    }
}
