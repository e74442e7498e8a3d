import Foundation

/// Writes files so that a reader sees the old file or the whole new one, never a partial one.
///
/// The bytes go to a hidden temporary file in the same folder, which is then renamed over the
/// destination (see `AtomicFileWriter`).
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(bytes)
        try writer.commit()
    }

    /// Writes the concatenation of `pieces` to `path` atomically.
    public static func write(pieces: [[UInt8]], to path: String) throws(OutputError) {
        let writer = try AtomicFileWriter(path: path)
        for piece in pieces { try writer.write(piece) }
        try writer.commit()
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }
}
