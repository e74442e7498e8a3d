import Foundation

/// One racer's rows of `trajectory.csv`, formatted as the racer runs into a bounded buffer that spills to a hidden file.
///
/// The file is created exclusively beside the CSV (`.<name>.part<i>.<pid>.<hex>.tmp`, never
/// through a symbolic link) and unlinked at once: it lives on only through its descriptor, so
/// nothing is left in the folder whatever ends the process.
final class TrajectoryCSVPiece: RacerStepSink {
    /// Bytes formatted before they are written out.
    static let bufferSize = 1 << 20

    let fd: Int32
    private let name: [UInt8]
    private var buffer: [UInt8] = []
    /// Bytes written to the file so far.
    private(set) var length = 0
    /// The first write failure, if any.
    private(set) var error: OutputError?
    private let path: String

    init(folder: String, base: String, index: Int, racer: Racer) throws(OutputError) {
        path = folder + "/.\(base).part\(index).\(getpid()).\(String(UInt64.random(in: 0...UInt64.max) & 0xFFFFFF, radix: 16)).tmp"
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw OutputError(path: folder + "/" + base, message: "cannot create file (\(String(cString: strerror(errno))))")
        }
        unlink(path)
        name = TrajectoryCSV.nameField(racer)
        buffer.reserveCapacity(Self.bufferSize + 4096)
    }

    deinit { close(fd) }

    var failed: Bool { error != nil }

    @inline(__always)
    func record(_ t: Int, position: Vec2, loss: Double, gradient: Vec2, noise: Vec2) {
        TrajectoryCSV.appendRow(name: name, step: t, position: position, loss: loss, gradient: gradient, noise: noise, to: &buffer)
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Writes out what is buffered.
    func finish() { flush() }

    private func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard error == nil else { return }
        let failure = buffer.withUnsafeBytes { FileDescriptorIO.writeAll(fd, $0) }
        if failure != 0 {
            error = OutputError(path: path, message: "cannot write file (\(String(cString: strerror(failure))))")
        } else {
            length += buffer.count
        }
    }
}
