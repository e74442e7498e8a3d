/// What a run will write into its output folder, checked before any work, and which earlier files it keeps.
public struct OutputPlan: Sendable {
    /// Files the run may write (relative paths); each must not exist as a folder.
    public var files: [String]
    /// Subfolders the run may write into; each must be absent or a real folder (not a symbolic link).
    public var folders: [String]
    /// Earlier files the run leaves in place although it does not write them (the shards of a sweep).
    public var keeps: @Sendable (String) -> Bool

    public init(files: [String], folders: [String] = [], keeps: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.files = files
        self.folders = folders
        self.keeps = keeps
    }

    /// The plan of `optrace race`.
    public static let race = OutputPlan(
        files: ["trajectory.csv", "scoreboard.json", "summary.png", "loss.png", "boundary.png"]
            + OutputNames.animations("race") + OutputNames.animations("boundary"),
        folders: ["frames"])

    /// The plan of `optrace grad --out`: the graph stepper's pictures.
    public static let grad = OutputPlan(files: ["graph.png"] + OutputNames.animations("stepper"))

    /// The plan of `optrace depth`.
    public static let depth = OutputPlan(files: ["depth.csv", "depth.png", "depth-training.csv", "depth-training.png"])

    /// The plan of `optrace landscape`.
    public static let landscape = OutputPlan(files: ["landscape.csv", "landscape.png"])

    /// The plan of `optrace map`.
    public static let map = OutputPlan(files: ["map.csv", "map.png"])

    /// The plan of one sweep's results (`tune`).
    public static let sweep = OutputPlan(files: ["tune.json", "tune.csv", "heatmap.png", "sweep.png"])

    /// The plan of `tune merge`: a sweep's results, keeping the shards they were merged from.
    public static let merge = OutputPlan(files: sweep.files, keeps: { OutputNames.isShard($0) })

    /// The plan of one shard of a sweep: the other shards are kept.
    public static func shard(_ fileName: String) -> OutputPlan {
        OutputPlan(files: [fileName], keeps: { OutputNames.isShard($0) })
    }

    /// The plan of `tune --all-racers`: a subfolder of sweep results per racer, then the tuned race.
    public static func allRacers(_ subfolders: [String]) -> OutputPlan {
        OutputPlan(
            files: ["tuned.yaml", "tune.json", "scoreboard.json"] + subfolders.flatMap { s in sweep.files.map { "\(s)/\($0)" } },
            folders: subfolders)
    }
}
