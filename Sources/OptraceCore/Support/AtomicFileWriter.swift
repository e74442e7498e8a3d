import Foundation

/// A file written in pieces that appears at its path only when complete (temporary file, then rename).
///
/// `commit()` closes and renames the temporary file over the destination; `abort()` (or
/// dropping an uncommitted writer) removes it, so an interrupted process leaves no partial
/// file at `path` (rename is atomic within a file system). There is no fsync: the guarantee
/// is against interruption, not against power loss.
public final class AtomicFileWriter {
    public let path: String
    private let temporaryPath: String
    private(set) var fd: Int32
    private var done = false

    /// Opens a temporary file beside `path`.
    public init(path: String) throws(OutputError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        temporaryPath = (folder.isEmpty ? "." : folder) + "/.\(base).\(getpid()).\(UInt64.random(in: 0...UInt64.max) & 0xFFFFFF).tmp"
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, message: "cannot create file (\(String(cString: strerror(errno))))") }
    }

    deinit { if !done { abort() } }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += n
            }
        }
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
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(path: path, message: "cannot write file (\(reason))")
        }
    }

    /// Discards what was written.
    public func abort() {
        guard !done else { return }
        done = true
        close(fd)
        unlink(temporaryPath)
    }
}
