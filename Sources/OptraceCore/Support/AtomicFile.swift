import Foundation

/// Writes files so that a reader sees the old file or the whole new one, never a partial one.
///
/// The bytes go to a hidden temporary file in the same folder, which is flushed and then
/// renamed over the destination (rename is atomic within a file system).
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let folder = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(base).\(getpid()).\(UInt64.random(in: 0...UInt64.max) & 0xFFFFFF).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, message: "cannot create file (\(String(cString: strerror(errno))))") }
        var written = 0
        let ok: Bool = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += n
            }
            return true
        }
        let error = errno
        if !ok || fsync(fd) != 0 {
            close(fd)
            unlink(temporary)
            throw OutputError(path: path, message: "cannot write file (\(String(cString: strerror(ok ? errno : error))))")
        }
        close(fd)
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(path: path, message: "cannot write file (\(reason))")
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }
}
