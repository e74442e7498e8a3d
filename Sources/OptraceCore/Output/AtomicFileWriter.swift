import Foundation

/// A file written in pieces that appears at its path only when complete (temporary file, then rename).
///
/// The temporary file is created beside `path` under a fresh random name
/// (`.NAME.PID.HEX.tmp`) with `O_CREAT|O_EXCL|O_NOFOLLOW`, so it is never opened through a
/// symbolic link or over an existing file. `commit()` closes and renames it over the
/// destination (rename replaces a link at `path`, it never writes through one); `abort()` (or
/// dropping an uncommitted writer) removes it, so an interrupted process leaves no partial
/// file at `path`. A commit inside an `OutputRun`'s folder is recorded by that run. There is no
/// fsync: the guarantee is against interruption, not against power loss.
public final class AtomicFileWriter {
    public let path: String
    /// Where the bytes go until `commit()` (for a program that writes the file itself, such as ffmpeg).
    public let temporaryPath: String
    private(set) var fd: Int32
    private var done = false

    /// Opens a temporary file beside `path`.
    public init(path: String) throws(OutputError) {
        self.path = path
        let folder = PathText.parent(path)
        let base = PathText.lastComponent(path)
        var attempt = 0
        while true {
            let candidate = PathText.join(folder, Self.temporaryName(for: base))
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if opened >= 0 {
                fd = opened
                temporaryPath = candidate
                return
            }
            let reason = errno
            attempt += 1
            if reason == EEXIST && attempt < 16 { continue }
            throw OutputError(path: path, message: "cannot create file (\(String(cString: strerror(reason))))")
        }
    }

    /// A fresh temporary name for `base`: `.BASE.PID.HEX.tmp` with 64 random bits.
    static func temporaryName(for base: String) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return ".\(base).\(getpid()).\(String(repeating: "0", count: 16 - random.count))\(random).tmp"
    }

    deinit { if !done { abort() } }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        let failure = bytes.withUnsafeBytes { raw in FileDescriptorIO.writeAll(fd, raw) }
        if failure != 0 {
            abort()
            throw OutputError(path: path, message: "cannot write file (\(String(cString: strerror(failure))))")
        }
    }

    /// Closes the file and moves it to `path`.
    public func commit() throws(OutputError) {
        guard !done else { return }
        done = true
        if close(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(path: path, message: "cannot write file (\(reason))")
        }
        OutputRun.recordIntent(path)
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(path: path, message: "cannot write file (\(reason))")
        }
        OutputRun.recordCommitted(path)
    }

    /// Discards what was written.
    public func abort() {
        guard !done else { return }
        done = true
        close(fd)
        unlink(temporaryPath)
    }
}
