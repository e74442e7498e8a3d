/// An `--out` path built from fuzz bytes out of the forms users type, relative to a sandbox folder.
///
/// Components come from a palette: one-character names (`x`, `-`, `é`), `.`, `..` (never climbing
/// above the sandbox), names with spaces and non-ASCII letters, names of 1 to 300 bytes, a
/// component naming a file (`file`, which the sandbox holds, so the path cannot be a folder),
/// and a NUL; separators are one to three slashes, with or without a trailing one.
public struct OutputPathCase: Sendable {
    /// The path, relative to the sandbox.
    public let path: String
    /// Whether the path passes through or ends at the sandbox's plain file.
    public let throughFile: Bool

    /// The sandbox's file that a path may not pass through.
    public static let fileName = "file"
    /// How deep the sandbox sits below its root, so `..` may climb this far.
    public static let depth = 3

    public init(recipe: [UInt8]) {
        var at = 0
        func next() -> Int {
            defer { at += 1 }
            return at < recipe.count ? Int(recipe[at]) : (at &* 53) & 0xFF
        }
        let palette = ["x", "-", "é", ".", "..", "a b", "ünï", "cödé", "results", OutputPathCase.fileName, "x.y", "\u{0}"]
        var parts: [String] = []
        var level = 0
        var throughFile = false
        let count = 1 + next() % 6
        for _ in 0..<count {
            let pick = next()
            var part: String
            if pick % 5 == 0 {
                part = String(repeating: "n", count: 1 + (next() << 1 | next() % 2) % 300)
            } else {
                part = palette[pick % palette.count]
            }
            if part == ".." {
                if level == 0 { part = "." } else { level -= 1 }
            } else if part != "." {
                level += 1
            }
            if part == OutputPathCase.fileName && level == 1 { throughFile = true }
            parts.append(part)
        }
        var path = ""
        for (i, part) in parts.enumerated() {
            if i > 0 { path += String(repeating: "/", count: 1 + next() % 3) }
            path += part
        }
        if next() % 3 == 0 { path += "/" }
        self.path = path
        self.throughFile = throughFile
    }
}
