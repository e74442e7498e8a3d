/// File-system paths as plain strings: splitting and joining by '/' alone, no Foundation path helpers.
///
/// Only '/' separates components; '.' and '..' are left as they are (the file system resolves
/// them); repeated and trailing slashes are ignored. Works byte for byte, so any UTF-8 name is fine.
public enum PathText {
    /// The longest path the file system accepts in one call (Linux `PATH_MAX`, including the final NUL).
    public static let maximumLength = 4095
    /// The longest single name (Linux `NAME_MAX`), in bytes.
    public static let maximumNameLength = 255

    /// The components of `path`, without empty ones ("a//b/" gives ["a", "b"]).
    public static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// Whether `path` starts at the root.
    public static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

    /// The last component ("" for "/" or "").
    public static func lastComponent(_ path: String) -> String { components(path).last ?? "" }

    /// The folder holding `path`: "a/b" → "a", "b" → ".", "/b" → "/", "a/b/" → "a" ("." and ".." are components like any other).
    public static func parent(_ path: String) -> String {
        var parts = components(path)
        if parts.isEmpty { return isAbsolute(path) ? "/" : "." }
        parts.removeLast()
        if parts.isEmpty { return isAbsolute(path) ? "/" : "." }
        return (isAbsolute(path) ? "/" : "") + parts.joined(separator: "/")
    }

    /// `path` and `name` joined by one '/'.
    public static func join(_ path: String, _ name: String) -> String {
        if path.isEmpty { return name }
        return path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// The prefixes of `path`, shortest first: "a/b/c" → ["a", "a/b", "a/b/c"]; "/x/y" → ["/x", "/x/y"].
    public static func prefixes(_ path: String) -> [String] {
        var out: [String] = []
        var current = isAbsolute(path) ? "/" : ""
        for part in components(path) {
            current = current.isEmpty ? part : join(current, part)
            out.append(current)
        }
        return out
    }

    /// The file name without its last extension ("valley.yaml" → "valley"; ".hidden" stays).
    public static func deletingExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Why `path` cannot name a file at all (empty, a NUL byte, too long, a name over 255 bytes), or nil.
    public static func problem(_ path: String) -> String? {
        if path.isEmpty { return "expected a path, found an empty string" }
        if path.utf8.contains(0) { return "a path cannot contain a NUL character" }
        if path.utf8.count > maximumLength { return "the path is \(path.utf8.count) bytes long; the limit is \(maximumLength)" }
        if let long = components(path).first(where: { $0.utf8.count > maximumNameLength }) {
            return "the name '\(long.prefix(24))…' is \(long.utf8.count) bytes long; the limit is \(maximumNameLength) a name"
        }
        return nil
    }
}
