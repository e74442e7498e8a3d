import Foundation

/// A results folder, created if needed and checked writable before any work starts.
public struct OutputFolder: Sendable {
    public let path: String

    /// Creates `path` (and its parents) if missing and proves it writable with a probe file.
    public init(preparing path: String) throws(OutputError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw OutputError(path: path, message: "exists and is not a folder") }
        } else {
            do {
                try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: path, message: "cannot create the output folder (\(Self.reason(error)))")
            }
        }
        let probe = path + "/.optrace-write-probe-\(getpid())"
        let fd = open(probe, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 {
            throw OutputError(path: path, message: "output folder is not writable (\(String(cString: strerror(errno))))")
        }
        close(fd)
        unlink(probe)
        self.path = path
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Creates the subfolder `name` and returns it.
    public func subfolder(_ name: String) throws(OutputError) -> OutputFolder {
        try OutputFolder(preparing: file(name))
    }

    /// Whether `path` could be made an output folder without creating anything: the nearest existing ancestor is a writable folder.
    public static func check(_ path: String) throws(OutputError) {
        var candidate = (path as NSString).standardizingPath
        let manager = FileManager.default
        while true {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: candidate, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { throw OutputError(path: path, message: "'\(candidate)' exists and is not a folder") }
                if access(candidate, W_OK | X_OK) != 0 {
                    throw OutputError(path: path, message: "output folder is not writable ('\(candidate)': permission denied)")
                }
                return
            }
            let parent = (candidate as NSString).deletingLastPathComponent
            if parent == candidate || parent.isEmpty { return }
            candidate = parent
        }
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
