import Dispatch
import Foundation

/// Writes files so that a reader sees the old file or the whole new one, never a partial one.
///
/// The bytes go to a hidden temporary file in the same folder, its size allocated up front, which is then renamed
/// over the destination (see `AtomicFileWriter`).
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let writer = try AtomicFileWriter(path: path)
        writer.reserve(bytes.count)
        try writer.write(bytes)
        try writer.commit()
    }

    /// Writes the concatenation of `pieces` to `path` atomically.
    public static func write(pieces: [[UInt8]], to path: String) throws(OutputError) {
        let writer = try AtomicFileWriter(path: path)
        writer.reserve(pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { try writer.write(piece) }
        try writer.commit()
    }

    /// Writes each file (the concatenation of its pieces) atomically, the files side by side on two threads (the
    /// kernel's copying of one overlaps the other's); the first failure in the order given is thrown, after every
    /// file has been written or abandoned.
    public static func write(files: [(pieces: [[UInt8]], path: String)]) throws(OutputError) {
        let failures = ResultSlots<OutputError?>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            do throws(OutputError) {
                try write(pieces: files[i].pieces, to: files[i].path)
                failures.set(i, nil)
            } catch {
                failures.set(i, error)
            }
        }
        if let failure = failures.values.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }
}
