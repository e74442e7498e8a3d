import Foundation
import Testing
@testable import OptraceCore

/// Files written whole: replacing an existing file leaves exactly the new bytes, and the blocks reserved up front
/// never show in a file's contents or size.
struct AtomicFileTests {
    private func folder() -> String {
        let path = NSTemporaryDirectory() + "optrace-atomic-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func read(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

    @Test func replacingAFileLeavesExactlyTheNewBytesAndNoTemporary() throws {
        let dir = folder()
        let path = dir + "/tune.json"
        let old = [UInt8](repeating: 0x61, count: 300_000)
        try AtomicFile.write(old, to: path)
        #expect(read(path) == old)
        let pieces: [[UInt8]] = [Array("{\n".utf8), [UInt8](repeating: 0x62, count: 70_001), [], Array("}\n".utf8)]
        try AtomicFile.write(pieces: pieces, to: path)
        #expect(read(path) == pieces.flatMap { $0 })
        try AtomicFile.write(files: [(pieces: [Array("x".utf8)], path: path), (pieces: [], path: dir + "/empty.csv")])
        #expect(read(path) == Array("x".utf8))
        #expect(read(dir + "/empty.csv").isEmpty && FileManager.default.fileExists(atPath: dir + "/empty.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["empty.csv", "tune.json"])
    }

    @Test func aReservationLargerThanTheBytesChangesNeitherContentsNorSize() throws {
        let dir = folder()
        let path = dir + "/short.csv"
        let writer = try AtomicFileWriter(path: path)
        writer.reserve(1 << 20)
        try writer.write(Array("lr,beta\n".utf8))
        #if os(Linux)
        // The blocks are allocated before the bytes arrive (where the file system has fallocate, as ext4, xfs,
        // btrfs and tmpfs do).
        var info = stat()
        #expect(fstat(writer.fd, &info) == 0)
        #expect(Int(info.st_size) == 8)
        #expect(Int(info.st_blocks) * 512 >= 1 << 20, "fallocate reserved \(info.st_blocks) blocks of 512 bytes")
        #endif
        try writer.commit()
        #expect(read(path) == Array("lr,beta\n".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.size] as? NSNumber)?.intValue == 8)
    }
}
