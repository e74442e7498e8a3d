/// The names of the files optrace writes into an output folder: the only files a run ever removes there.
///
/// A run removes an earlier run's file only when its own record of that run (`.optrace-files`)
/// lists it and the name is one of these: a fixed result name, a `frames/frame_N.png`, a
/// `tune-shard-I-of-N.json`, or a result name inside a racer's subfolder (`tune --all-racers`).
/// Anything else in the folder is the user's and is never touched.
public enum OutputNames {
    /// The extensions of an animation's files (the formats of `--animation`).
    public static let animationExtensions = ["apng", "gif", "mp4", "webm", "webp"]

    /// An animation's file names: `base.apng`, `base.gif`, …
    public static func animations(_ base: String) -> [String] { animationExtensions.map { base + "." + $0 } }

    /// The result files of race, grad, depth, landscape, map and tune.
    public static let results: Set<String> = Set([
        "trajectory.csv", "scoreboard.json", "summary.png", "loss.png", "boundary.png", "graph.png",
        "depth.csv", "depth.png", "depth-training.csv", "depth-training.png", "landscape.csv", "landscape.png",
        "map.csv", "map.png",
        "tune.json", "tune.csv", "heatmap.png", "sweep.png", "tuned.yaml",
    ] + animations("race") + animations("boundary") + animations("stepper"))

    /// The record of what the last run wrote.
    public static let manifest = ".optrace-files"

    /// Whether `relative` (a path inside an output folder) names one of optrace's output files.
    public static func isOutput(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1: return results.contains(parts[0]) || isShard(parts[0])
        case 2:
            if parts[0] == "frames" { return isFrame(parts[1]) }
            return isSubfolder(parts[0]) && results.contains(parts[1])
        default: return false
        }
    }

    /// `frame_` digits `.png`.
    public static func isFrame(_ name: String) -> Bool { digits(in: name, between: "frame_", and: ".png") }

    /// `tune-shard-I-of-N.json`.
    public static func isShard(_ name: String) -> Bool {
        guard name.hasPrefix("tune-shard-"), name.hasSuffix(".json") else { return false }
        let middle = name.dropFirst("tune-shard-".count).dropLast(".json".count)
        let halves = middle.components(separatedBy: "-of-")
        return halves.count == 2 && halves.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// A subfolder optrace makes: `frames`, or a racer's slug (lower-case letters, digits, '.', '_', '-'; not hidden).
    public static func isSubfolder(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= PathText.maximumNameLength, !name.hasPrefix(".") else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// Whether `name` is a temporary file of an optrace writer: `.NAME.PID.HEX.tmp`.
    public static func isTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 4 else { return false }
        let hex = parts[parts.count - 1], pid = parts[parts.count - 2]
        return !hex.isEmpty && hex.allSatisfy(\.isHexDigit) && !pid.isEmpty && pid.allSatisfy(\.isASCIIDigit)
    }

    private static func digits(in name: String, between prefix: String, and suffix: String) -> Bool {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count > prefix.count + suffix.count else { return false }
        return name.dropFirst(prefix.count).dropLast(suffix.count).allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
