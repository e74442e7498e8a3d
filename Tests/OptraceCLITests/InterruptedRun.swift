import Foundation
import Testing

/// Runs the real `optrace` executable, sends `signal` once `ready()` holds, and checks that it stops with
/// exit code 128 + signal and the one-line message; returns false when it can't run.
///
/// The promise is a stop within a second; that is measured by `bench/interrupt.py` on a release build, not
/// here, since a test must pass on a loaded machine. Here 30 s is only a watchdog: the child is started with
/// `posix_spawn` and reaped with `waitpid(WNOHANG)` against it, so a run that never stops fails the test
/// (and is killed) instead of hanging the suite.
@discardableResult
func interruptedRun(
    _ arguments: [String], signal: Int32, sourceLocation: SourceLocation = #_sourceLocation, ready: () -> Bool
) throws -> Bool {
    guard let executable = InterruptedRun.executable else {
        Issue.record("optrace executable not found near \(Bundle.main.bundleURL.path)", sourceLocation: sourceLocation)
        return false
    }
    guard let child = SpawnedChild(executable: executable, arguments: arguments) else {
        Issue.record("could not start \(executable)", sourceLocation: sourceLocation)
        return false
    }
    let deadline = Date().addingTimeInterval(120)
    while !ready() && child.isRunning && Date() < deadline { usleep(20_000) }
    #expect(child.isRunning, "the run finished before it could be interrupted", sourceLocation: sourceLocation)
    let sent = Date()
    kill(child.pid, signal)
    let status = child.wait(until: sent.addingTimeInterval(30))
    guard let status else {
        Issue.record("still running 30 s after the signal; killed", sourceLocation: sourceLocation)
        return true
    }
    #expect(status == .exited(128 + signal), "\(status)", sourceLocation: sourceLocation)
    let message = child.readStandardError()
    #expect(message.hasPrefix("optrace: \(signal == SIGTERM ? "terminated" : "interrupted")"), "\(message)", sourceLocation: sourceLocation)
    return true
}

/// Where the test run finds the executable.
enum InterruptedRun {
    /// The `optrace` executable built beside the test bundle.
    static var executable: String? {
        var url = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = url.appendingPathComponent("optrace").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        return nil
    }
}

/// A child process with standard output discarded and standard error collected in a pipe.
final class SpawnedChild {
    /// How a reaped child ended.
    enum Status: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    let pid: pid_t
    private let errorRead: Int32
    private var status: Status?
    private var collected = [UInt8]()

    /// Starts `executable` with standard output into `standardOutput`, standard error into a pipe (or into the
    /// file `standardError` when given), in the folder `directory` when given, with only the variables of
    /// `environment` when given (else the test's own).
    init?(
        executable: String, arguments: [String], standardOutput: String = "/dev/null", standardError: String? = nil,
        directory: String? = nil, environment: [String: String]? = nil
    ) {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return nil }
        // Non-blocking reads, so draining the pipe while the child runs never stalls the test.
        _ = fcntl(pipeEnds[0], F_SETFL, fcntl(pipeEnds[0], F_GETFL) | O_NONBLOCK)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY, 0)
        if let standardError {
            posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
        }
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        // In another folder through the shell: `cd DIR && exec optrace ARGS` (the shell's exec keeps the pid).
        let command = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0, executable] } ?? [executable]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { for p in envp ?? [] { free(p) } }
        var child: pid_t = 0
        let spawned = envp.map { posix_spawn(&child, command[0], &actions, nil, argv, $0) }
            ?? posix_spawn(&child, command[0], &actions, nil, argv, environ)
        close(pipeEnds[1])
        guard spawned == 0 else {
            close(pipeEnds[0])
            return nil
        }
        pid = child
        errorRead = pipeEnds[0]
    }

    deinit {
        if status == nil {
            kill(pid, SIGKILL)
            _ = wait(until: Date().addingTimeInterval(5))
        }
        close(errorRead)
    }

    /// Whether the child has not been reaped yet (reaping it if it has ended).
    var isRunning: Bool {
        drain()
        return poll() == nil
    }

    /// Waits for the child to end until `deadline`; at the deadline it is killed and nil is returned.
    func wait(until deadline: Date) -> Status? {
        while Date() < deadline {
            drain()
            if let status = poll() { return status }
            usleep(5_000)
        }
        kill(pid, SIGKILL)
        var raw: Int32 = 0
        _ = waitpid(pid, &raw, 0)
        status = .signalled(SIGKILL)
        return nil
    }

    /// Everything the child wrote on standard error (after it has ended).
    func readStandardError() -> String {
        drain()
        return String(decoding: collected, as: UTF8.self)
    }

    private func poll() -> Status? {
        if let status { return status }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return nil }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out (the C macros are not imported).
        let signalNumber = raw & 0x7F
        status = signalNumber == 0 ? .exited((raw >> 8) & 0xFF) : .signalled(signalNumber)
        return status
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(errorRead, &buffer, buffer.count)
            if n <= 0 { return }
            collected += buffer[0..<n]
        }
    }
}
