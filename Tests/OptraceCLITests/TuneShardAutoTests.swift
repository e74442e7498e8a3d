import Foundation
import Testing
@testable import OptraceCLI

/// `optrace tune --shard auto` and `--shard auto/N`, reading a Slurm array task's or a Kubernetes pod's variables.
@Suite struct TuneShardAutoTests {
    static let sweep = [
        "tune", "valley-bump", "--racer", "Momentum", "--param", "lr=0.02:2:log:9", "--param", "beta=0:0.95:5",
        "--steps", "50", "--seeds", "2", "--quiet", "--no-render",
    ]

    /// What Slurm sets for the task `id` of `sbatch --array=LOW-HIGH`.
    static func slurm(_ id: Int, _ low: Int, _ high: Int) -> [String: String] {
        [
            "SLURM_JOB_ID": "\(500 + id)", "SLURM_ARRAY_JOB_ID": "500", "SLURM_ARRAY_TASK_ID": "\(id)",
            "SLURM_ARRAY_TASK_MIN": "\(low)", "SLURM_ARRAY_TASK_MAX": "\(high)", "SLURM_ARRAY_TASK_STEP": "1",
            "SLURM_ARRAY_TASK_COUNT": "\(high - low + 1)",
        ]
    }

    @Test func autoShardsMergeIntoTheUnshardedResult() throws {
        let folder = temporaryFolder()
        #expect(optrace(Self.sweep + ["--out", folder + "/whole"]).code == 0)
        // A Slurm array numbered from 0 (--array=0-2) and a Kubernetes Indexed Job of 3 completions.
        for id in [2, 0, 1] {
            let run = optrace(Self.sweep + ["--out", folder + "/slurm", "--shard", "auto"], environment: Self.slurm(id, 0, 2))
            #expect(run.code == 0, "\(run.stderr)")
        }
        for index in 0..<3 {
            let run = optrace(Self.sweep + ["--out", folder + "/k8s", "--shard", "auto/3"], environment: ["JOB_COMPLETION_INDEX": "\(index)"])
            #expect(run.code == 0, "\(run.stderr)")
        }
        let names = ["tune-shard-1-of-3.json", "tune-shard-2-of-3.json", "tune-shard-3-of-3.json"]
        for scheduler in ["slurm", "k8s"] {
            #expect(contents(folder + "/" + scheduler) == names)
            let merge = optrace(["tune", "merge"] + names.map { "\(folder)/\(scheduler)/\($0)" } + ["--out", "\(folder)/\(scheduler)-merged", "--no-render", "--quiet"])
            #expect(merge.code == 0, "\(merge.stderr)")
            #expect(text("\(folder)/\(scheduler)-merged/tune.json") == text(folder + "/whole/tune.json"))
            #expect(text("\(folder)/\(scheduler)-merged/tune.csv") == text(folder + "/whole/tune.csv"))
        }
        // An array numbered from 1 writes the same shards as one numbered from 0.
        for id in 1...3 {
            #expect(optrace(Self.sweep + ["--out", folder + "/slurm1", "--shard", "auto/3"], environment: Self.slurm(id, 1, 3)).code == 0)
        }
        for name in names { #expect(text("\(folder)/slurm1/\(name)") == text("\(folder)/slurm/\(name)")) }
    }

    @Test func theHeadlineNamesTheShard() {
        let folder = temporaryFolder()
        let run = optrace(
            Self.sweep.filter { $0 != "--quiet" } + ["--out", folder, "--shard", "auto"], environment: Self.slurm(4, 1, 4))
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains(", shard 4/4 ("), "\(run.stdout)")
        #expect(contents(folder) == ["tune-shard-4-of-4.json"])
    }

    /// The real executable reads the process's own environment.
    @Test func theProcessEnvironmentIsRead() throws {
        let executable = try #require(InterruptedRun.executable, "optrace executable not found")
        let folder = temporaryFolder()
        let arguments = Self.sweep + ["--out", folder + "/spawned", "--shard", "auto/2"]
        let child = try #require(SpawnedChild(executable: executable, arguments: arguments, environment: ["JOB_COMPLETION_INDEX": "1"]))
        let status = child.wait(until: Date().addingTimeInterval(300))
        #expect(status == .exited(0), "\(child.readStandardError())")
        #expect(optrace(Self.sweep + ["--out", folder + "/direct", "--shard", "2/2"]).code == 0)
        #expect(contents(folder + "/spawned") == ["tune-shard-2-of-2.json"])
        #expect(text(folder + "/spawned/tune-shard-2-of-2.json") == text(folder + "/direct/tune-shard-2-of-2.json"))

        let bare = try #require(SpawnedChild(executable: executable, arguments: Self.sweep + ["--out", folder + "/bare", "--shard", "auto"], environment: [:]))
        #expect(bare.wait(until: Date().addingTimeInterval(300)) == .exited(2))
        #expect(bare.readStandardError().hasPrefix("optrace: --shard auto: no array job found: expected SLURM_ARRAY_TASK_ID"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/bare"))
    }
}
