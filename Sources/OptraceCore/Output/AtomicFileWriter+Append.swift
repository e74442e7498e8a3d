import Foundation

extension AtomicFileWriter {
    /// Appends the first `length` bytes of the open file `source` (read from offset 0, whatever
    /// its file position), in chunks; a requested `Interruption` stops between chunks with
    /// `Interrupted` (the writer is aborted then, as on a failure).
    ///
    /// On Linux the kernel copies the bytes (`copy_file_range`, looked up at run time) where the
    /// file systems allow; elsewhere, or when it refuses, the bytes are read and written.
    public func append(from source: Int32, length: Int) throws {
        let chunk = 64 << 20
        var offset = 0
        #if os(Linux)
            var kernelCopy = true
        #endif
        while offset < length {
            if Interruption.isRequested {
                abort()
                throw Interrupted(signal: Interruption.signal)
            }
            let wanted = min(chunk, length - offset)
            #if os(Linux)
                if kernelCopy {
                    var from = Int(offset)
                    guard let copyFileRange else { kernelCopy = false; continue }
                    let n = copyFileRange(source, &from, fd, nil, wanted, 0)
                    if n > 0 { offset += n; continue }
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 && ![ENOSYS, EXDEV, EINVAL, EOPNOTSUPP, EPERM, EBADF].contains(errno) {
                        let reason = String(cString: strerror(errno))
                        abort()
                        throw OutputError(path: path, message: "cannot write file (\(reason))")
                    }
                    kernelCopy = false
                }
            #endif
            offset += try appendByReading(source, offset: offset, count: wanted)
        }
    }

    /// Reads up to `count` bytes of `source` at `offset` and writes them; returns how many.
    private func appendByReading(_ source: Int32, offset: Int, count: Int) throws(OutputError) -> Int {
        var buffer = [UInt8](repeating: 0, count: min(count, 1 << 20))
        let n = buffer.withUnsafeMutableBytes { raw in
            var r: Int
            repeat { r = pread(source, raw.baseAddress!, raw.count, off_t(offset)) } while r < 0 && errno == EINTR
            return r
        }
        guard n > 0 else {
            let reason = n < 0 ? String(cString: strerror(errno)) : "a piece ended early"
            abort()
            throw OutputError(path: path, message: "cannot write file (\(reason))")
        }
        try write(n == buffer.count ? buffer : Array(buffer[..<n]))
        return n
    }
}

#if os(Linux)
    /// glibc's `copy_file_range` (declared only under _GNU_SOURCE, so found by name), nil when missing.
    private typealias CopyFileRange = @convention(c) (
        Int32, UnsafeMutablePointer<Int>?, Int32, UnsafeMutablePointer<Int>?, Int, UInt32
    ) -> Int
    private let copyFileRange: CopyFileRange? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "copy_file_range") else { return nil }
        return unsafeBitCast(symbol, to: CopyFileRange.self)
    }()
#endif
