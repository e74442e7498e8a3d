import Foundation

/// A folder results are written into: an `OutputRun`'s folder or one of its subfolders.
public struct OutputFolder: Sendable {
    /// The folder's path as it is written to files and messages.
    public let path: String

    /// A folder at `path` (use `OutputRun.begin` to create, check and lock one).
    public init(path: String) { self.path = path }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String { PathText.join(path, name) }

    /// The subfolder `name`, created if missing; refused when `name` exists as anything but a real folder
    /// (a symbolic link is refused: optrace writes only into folders it can own).
    public func subfolder(_ name: String) throws(OutputError) -> OutputFolder {
        let target = file(name)
        var info = stat()
        if lstat(target, &info) == 0 {
            if (info.st_mode & S_IFMT) != S_IFDIR {
                throw OutputError(path: target, message: OutputFolder.notAFolder(info))
            }
        } else if mkdir(target, 0o755) != 0 && errno != EEXIST {
            throw OutputError(path: target, message: "cannot create the folder (\(String(cString: strerror(errno))))")
        }
        return OutputFolder(path: target)
    }

    /// Why an existing entry is not usable as a folder.
    static func notAFolder(_ info: stat) -> String {
        (info.st_mode & S_IFMT) == S_IFLNK
            ? "is a symbolic link; optrace writes only into a real folder there: remove it or choose another --out"
            : "exists and is not a folder: move it away or choose another --out"
    }
}
