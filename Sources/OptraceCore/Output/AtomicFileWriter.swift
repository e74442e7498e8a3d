import COptraceSystem
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

    /// Allocates disk blocks for the file's first `size` bytes before they are written, where the file system allows
    /// it (Linux `fallocate`, keeping the size; elsewhere nothing happens). The file's contents and size are only
    /// ever what is written.
    ///
    /// A file whose blocks are allocated leaves ext4 no delayed allocation to write out when `commit()` renames it
    /// over an existing file (`auto_da_alloc`): that flush of the whole file inside `rename` took a few milliseconds
    /// for each of a sweep's result files rewritten in place.
    public func reserve(_ size: Int) {
        _ = optrace_reserve_file(fd, Int64(size))
    }

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
