import Foundation

/// `trajectory.csv` written while the race runs: each racer formats its rows into its own piece, joined in racer order at the end.
///
/// The bytes are those of `TrajectoryCSV.render` for the same race. Each racer's piece is a
/// hidden temporary file in the CSV's folder (see `TrajectoryCSVPiece`), so racers write
/// concurrently and memory holds one bounded buffer per racer. `commit()` writes the header
/// and the pieces into an `AtomicFileWriter`, so the CSV appears complete or not at all;
/// `abort()` (or dropping the stream) discards everything.
public final class TrajectoryCSVStream: @unchecked Sendable {
    /// Where the CSV goes.
    public let path: String
    private var pieces: [TrajectoryCSVPiece]

    /// Creates one piece per racer beside `path`.
    public init(path: String, racers: [Racer]) throws(OutputError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        var pieces: [TrajectoryCSVPiece] = []
        for (i, racer) in racers.enumerated() {
            pieces.append(try TrajectoryCSVPiece(folder: folder.isEmpty ? "." : folder, base: base, index: i, racer: racer))
        }
        self.pieces = pieces
    }

    var pieceCount: Int { pieces.count }

    /// Racer `index`'s piece (used by one thread at a time).
    func piece(_ index: Int) -> TrajectoryCSVPiece { pieces[index] }

    /// Bytes the CSV will hold.
    public var length: Int { TrajectoryCSV.headerLine.count + pieces.reduce(0) { $0 + $1.length } }

    /// Writes the header and every piece to `path` (replacing it atomically) and closes the pieces.
    /// Throws `OutputError` when a piece or the CSV could not be written, `Interrupted` when a stop
    /// was requested meanwhile (nothing is written then).
    public func commit() throws {
        defer { pieces = [] }
        if let error = pieces.lazy.compactMap(\.error).first { throw error }
        let writer = try AtomicFileWriter(path: path)
        try writer.write(TrajectoryCSV.headerLine)
        while !pieces.isEmpty {
            // Each piece is closed (and its disk space freed) as soon as it is copied.
            let piece = pieces.removeFirst()
            try writer.append(from: piece.fd, length: piece.length)
        }
        try Interruption.check()
        try writer.commit()
    }

    /// Discards the pieces.
    public func abort() { pieces = [] }
}
