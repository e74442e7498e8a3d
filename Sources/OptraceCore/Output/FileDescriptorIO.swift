import Foundation

/// Whole writes to a file descriptor, retried after signals and partial writes.
public enum FileDescriptorIO {
    /// Writes all of `bytes` to `fd`; returns 0, or the `errno` of the write that failed.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard let base = bytes.baseAddress else { return 0 }
        var written = 0
        while written < bytes.count {
            let n = Foundation.write(fd, base + written, bytes.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            written += n
        }
        return 0
    }
}
