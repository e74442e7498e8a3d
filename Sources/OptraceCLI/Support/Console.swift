import Foundation
import OptraceCore

/// Where commands print: standard output and error by default, a capture in tests.
///
/// Everything printed passes through `TerminalText`, so untrusted text (names, titles, paths)
/// cannot reach the terminal as control sequences; only the progress bar writes raw. A write
/// that fails (a full disk, a closed pipe) never stops the process: the failure is remembered
/// (`outputFailure`), later output to that stream is dropped, and the command's work goes on.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: (String) -> Int32
    private let writeErr: (String) -> Int32
    private var outFailure: Int32 = 0
    private var errFailure: Int32 = 0
    /// Whether standard error is a terminal (progress bars are drawn only then).
    public let errorIsTerminal: Bool

    /// A console over two writers that return 0 or the `errno` of a failed write.
    public init(out: @escaping (String) -> Int32, err: @escaping (String) -> Int32, errorIsTerminal: Bool = false) {
        self.writeOut = out
        self.writeErr = err
        self.errorIsTerminal = errorIsTerminal
    }

    /// The process's standard output and error.
    public static let standard = Console(
        out: { Console.writeAll(STDOUT_FILENO, $0) },
        err: { Console.writeAll(STDERR_FILENO, $0) },
        errorIsTerminal: isatty(STDERR_FILENO) == 1)

    /// The console of the running command.
    @TaskLocal public static var current: Console = .standard

    /// The `errno` of the first failed write to standard output (nil while all succeeded).
    public var outputFailure: Int32? { lock.withLock { outFailure == 0 ? nil : outFailure } }

    /// Prints `text` and a newline to standard output.
    public func print(_ text: String = "") {
        write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Writes `text` to standard output.
    public func write(_ text: String) {
        let safe = TerminalText.escaped(text, keepingLines: true)
        lock.withLock {
            if outFailure == 0 { outFailure = writeOut(safe) }
        }
    }

    /// Writes `text` to standard error.
    public func error(_ text: String) {
        raw(TerminalText.escaped(text, keepingLines: true))
    }

    /// Writes `text` to standard error as it is (the progress bar's carriage returns).
    func raw(_ text: String) {
        lock.withLock {
            if errFailure == 0 { errFailure = writeErr(text) }
        }
    }

    private static func writeAll(_ fd: Int32, _ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { FileDescriptorIO.writeAll(fd, UnsafeRawBufferPointer($0)) }
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
            out: { [self] s in lock.withLock { outText += s }; return 0 },
            err: { [self] s in lock.withLock { errText += s }; return 0 })
    }
}
