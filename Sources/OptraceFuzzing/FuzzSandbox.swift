import Foundation

/// A private folder where the output-path target creates folders: a few levels deep (so `..` stays
/// inside), holding one plain file that no path may pass through, put back as it was after each input.
public final class FuzzSandbox: @unchecked Sendable {
    /// The folder paths are resolved against.
    public let folder: String
    private let root: String

    /// The process's sandbox, made on first use under the temporary folder.
    public static let shared = FuzzSandbox()

    public init() {
        var template = Array((NSTemporaryDirectory() + "optrace-fuzz-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        root = made.map { String(cString: $0) } ?? NSTemporaryDirectory() + "optrace-fuzz-\(getpid())"
        folder = root + String(repeating: "/s", count: OutputPathCase.depth)
        reset()
    }

    /// Removes everything the last input made and restores the plain file.
    public func reset() {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: root)) ?? [] {
            try? manager.removeItem(atPath: root + "/" + name)
        }
        try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = manager.createFile(atPath: folder + "/" + OutputPathCase.fileName, contents: Data("plain".utf8))
    }

    /// Every path under the sandbox's root, sorted.
    public func tree() -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
    }

    /// The plain files in `path` (not folders, not the sandbox's own file), sorted, hidden ones included.
    public func files(in path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { name in
            var isFolder: ObjCBool = false
            return name != OutputPathCase.fileName
                && FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }
}
