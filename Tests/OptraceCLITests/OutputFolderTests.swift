import Foundation
import Testing
@testable import OptraceCLI
@testable import OptraceCore

/// A run owns its output folder: every path form works, the folder is checked before any work,
/// locked for the run, and left holding exactly that run's files (never a file optrace did not make).
@Suite struct OutputFolderTests {
    /// Every file under `folder`, relative, sorted (hidden files included).
    func tree(_ folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        return walker.compactMap { $0 as? String }.filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    @Test(arguments: ["x", "a/", "a/x", "x/.", "x//y", "-", "é", "ünï/cödé/", String(repeating: "n", count: 200), "./rel/x"])
    func everyPathFormOfTheRealExecutable(form: String) throws {
        let executable = try #require(InterruptedRun.executable)
        for command in [["race", "--steps", "3"], ["map", "himmelblau", "--racer", "SGD", "--grid", "3x3", "--steps", "3"],
                        ["tune", "valley-bump", "--racer", "SGD", "--param", "lr=0.1:1:3", "--steps", "3"]] {
            let folder = temporaryFolder()
            let child = try #require(SpawnedChild(
                executable: executable, arguments: command + ["--no-render", "--quiet", "--out", form], directory: folder))
            let status = child.wait(until: Date().addingTimeInterval(120))
            #expect(status == .exited(0), "\(command[0]) --out \(form): \(String(describing: status)) \(child.readStandardError())")
            let written = tree(folder)
            #expect(written.contains { $0.hasSuffix("scoreboard.json") || $0.hasSuffix("map.csv") || $0.hasSuffix("tune.json") },
                    "\(command[0]) --out \(form): \(written)")
        }
    }

    @Test(arguments: ["x", "a/", "x//y", "-", "é"])
    func tuneMergeTakesEveryPathForm(form: String) throws {
        let executable = try #require(InterruptedRun.executable)
        let folder = temporaryFolder()
        let shards = folder + "/shards"
        let sharded = optrace("tune", "valley-bump", "--racer", "SGD", "--param", "lr=0.1:1:3", "--steps", "3", "--shard", "1/1",
                              "--out", shards, "--quiet")
        #expect(sharded.code == 0, "\(sharded.stderr)")
        let child = try #require(SpawnedChild(
            executable: executable, arguments: ["tune", "merge", shards + "/tune-shard-1-of-1.json", "--out", form, "--quiet", "--no-render"],
            directory: folder))
        #expect(child.wait(until: Date().addingTimeInterval(120)) == .exited(0), "\(child.readStandardError())")
        #expect(tree(folder).contains { $0.hasSuffix("tune.json") && !$0.hasPrefix("shards") }, "\(tree(folder))")
    }

    @Test func absoluteLongAndTrailingSlashPaths() {
        let base = temporaryFolder()
        for out in [base + "/abs/", base + "/" + String(repeating: "l", count: 255), base + "//deep/er/"] {
            let run = optrace("race", "--no-render", "--quiet", "--steps", "2", "--out", out)
            #expect(run.code == 0, "\(out): \(run.stderr)")
            #expect(contents(out).contains("trajectory.csv"))
        }
    }

    @Test func pathsThatCannotBeFoldersAreRefusedBeforeAnyWork() {
        let base = temporaryFolder()
        let tooLongName = base + "/" + String(repeating: "a", count: 300) + "/x"
        let tooLongPath = base + "/" + Array(repeating: String(repeating: "b", count: 200), count: 21).joined(separator: "/")
        for out in [tooLongName, tooLongPath, "a\u{0}b"] {
            let run = optrace("race", "--no-render", "--out", out)
            #expect(run.code == 2 && run.stdout.isEmpty, "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
        #expect(contents(base).isEmpty, "a refused --out created \(contents(base))")
        let proc = optrace("race", "--out", "/proc/optrace-nope")
        #expect(proc.code == 2 && proc.stdout.isEmpty, "the scoreboard was printed before the folder was checked")
        #expect(proc.stderr == "optrace: /proc/optrace-nope: cannot create the output folder ('/proc/optrace-nope': No such file or directory)\n")
    }

    @Test func aRaceLeavesOnlyItsOwnFiles() throws {
        let folder = temporaryFolder() + "/d"
        #expect(optrace("race", "--quiet", "--steps", "6", "--size", "200x150", "--out", folder).code == 0)
        #expect(contents(folder + "/frames").count == 7)
        #expect(FileManager.default.fileExists(atPath: folder + "/.optrace-files"), "the run's record of its files")
        try "mine".write(toFile: folder + "/notes.txt", atomically: false, encoding: .utf8)
        try "mine".write(toFile: folder + "/frames/keep.png", atomically: false, encoding: .utf8)
        #expect(optrace("race", "--quiet", "--steps", "2", "--size", "200x150", "--out", folder).code == 0)
        #expect(contents(folder + "/frames") == ["frame_0000.png", "frame_0001.png", "frame_0002.png", "keep.png"])
        #expect(optrace("race", "--quiet", "--no-render", "--steps", "2", "--out", folder).code == 0)
        #expect(contents(folder) == ["frames", "notes.txt", "scoreboard.json", "trajectory.csv"])
        #expect(contents(folder + "/frames") == ["keep.png"])
        try FileManager.default.removeItem(atPath: folder + "/frames/keep.png")
        #expect(optrace("race", "--quiet", "--steps", "2", "--size", "200x150", "--out", folder).code == 0)
        #expect(optrace("race", "--quiet", "--no-render", "--steps", "2", "--out", folder).code == 0)
        #expect(!contents(folder).contains("frames"), "the emptied frames folder stays")
    }

    @Test func aOneDimensionalSweepRemovesTheOldHeatmapButNotTheShards() {
        let folder = temporaryFolder()
        let common = ["tune", "valley-bump", "--racer", "Momentum", "--steps", "10", "--out", folder, "--quiet"]
        #expect(optrace(common + ["--param", "lr=0.1:1:3", "--param", "beta=0:0.9:3"]).code == 0)
        #expect(contents(folder).contains("heatmap.png"))
        #expect(optrace(common + ["--param", "lr=0.1:1:4", "--shard", "1/2"]).code == 0)
        #expect(optrace(common + ["--param", "lr=0.1:1:4", "--shard", "2/2"]).code == 0)
        #expect(contents(folder) == ["tune-shard-1-of-2.json", "tune-shard-2-of-2.json"])
        let merged = optrace("tune", "merge", folder + "/tune-shard-1-of-2.json", folder + "/tune-shard-2-of-2.json", "--quiet")
        #expect(merged.code == 0, "\(merged.stderr)")
        #expect(contents(folder) == ["sweep.png", "tune-shard-1-of-2.json", "tune-shard-2-of-2.json", "tune.csv", "tune.json"])
        #expect(optrace(common + ["--param", "lr=0.1:1:3", "--param", "beta=0:0.9:3", "--no-render"]).code == 0)
        #expect(contents(folder) == ["tune.csv", "tune.json"])
    }

    @Test func neverRemovesAFileItDidNotMake() throws {
        let folder = temporaryFolder()
        let outside = temporaryFolder() + "/precious.txt"
        try "precious".write(toFile: outside, atomically: false, encoding: .utf8)
        // A user's own file named like a result, and a tampered record naming files that are not optrace's.
        try "user's".write(toFile: folder + "/heatmap.png", atomically: false, encoding: .utf8)
        try "user's".write(toFile: folder + "/notes.csv", atomically: false, encoding: .utf8)
        try "optrace: the files of the last run\nnotes.csv\n../\(outside)\n\(outside)\nframes/../notes.csv\n"
            .write(toFile: folder + "/.optrace-files", atomically: false, encoding: .utf8)
        #expect(optrace("race", "--quiet", "--no-render", "--steps", "2", "--out", folder).code == 0)
        #expect(FileManager.default.fileExists(atPath: outside))
        #expect(contents(folder) == ["heatmap.png", "notes.csv", "scoreboard.json", "trajectory.csv"])
    }

    @Test func outputsOfTheWrongKindAreRefusedBeforeAnythingIsWritten() throws {
        for (name, makeFolder) in [("race.apng", true), ("scoreboard.json", true), ("frames", false), ("trajectory.csv", true)] {
            let folder = temporaryFolder()
            if makeFolder {
                try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: false)
            } else {
                try "a file".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
            }
            let run = optrace("race", "--steps", "3", "--out", folder)
            #expect(run.code == 2 && run.stdout.isEmpty, "\(name): \(run.stderr)")
            #expect(run.stderr.hasPrefix("optrace: \(folder)/\(name): "), "\(run.stderr)")
            #expect(contents(folder) == [name], "\(name): \(contents(folder))")
        }
        let folder = temporaryFolder()
        let elsewhere = temporaryFolder()
        #expect(symlink(elsewhere, folder + "/frames") == 0)
        let run = optrace("race", "--steps", "3", "--out", folder)
        #expect(run.code == 2 && run.stderr.contains("frames: is a symbolic link"), "\(run.stderr)")
        #expect(contents(elsewhere).isEmpty)
    }

    @Test func noFileIsWrittenThroughAPlantedSymbolicLink() throws {
        let folder = temporaryFolder()
        let victim = temporaryFolder() + "/victim.txt"
        try "keep me".write(toFile: victim, atomically: false, encoding: .utf8)
        for name in ["trajectory.csv", "scoreboard.json", ".optrace-files"] {
            #expect(symlink(victim, folder + "/" + name) == 0)
        }
        #expect(optrace("race", "--quiet", "--no-render", "--steps", "2", "--out", folder).code == 0)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me")
        let kind = try FileManager.default.attributesOfItem(atPath: folder + "/trajectory.csv")[.type] as? FileAttributeType
        #expect(kind == .typeRegular)
    }

    @Test func temporariesOfDeadRunsAreRemoved() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/frames", withIntermediateDirectories: false)
        let dead = [".race.apng.999999.00000000deadbeef.tmp", "frames/.frame_0003.png.999999.0123456789abcdef.tmp"]
        for name in dead { try "partial".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8) }
        try "user's".write(toFile: folder + "/.notes.tmp", atomically: false, encoding: .utf8)
        #expect(optrace("race", "--quiet", "--steps", "2", "--size", "200x150", "--out", folder).code == 0)
        #expect(tree(folder).filter { $0.hasSuffix(".tmp") } == [".notes.tmp"])
    }

    @Test func aSecondRunIntoALockedFolderFailsAtOnce() throws {
        let folder = temporaryFolder()
        let holder = try OutputRun.begin(folder, plan: .race)
        let run = optrace("race", "--no-render", "--steps", "2", "--out", folder)
        #expect(run.code == 2 && run.stdout.isEmpty)
        #expect(run.stderr == "optrace: \(folder): another optrace run is writing into this folder; wait for it to finish or choose another --out\n")
        holder.finish()
        #expect(contents(folder).isEmpty)
        #expect(optrace("race", "--quiet", "--no-render", "--steps", "2", "--out", folder).code == 0)
    }

    @Test func aFolderCreatedForARunThatWroteNothingIsRemoved() throws {
        let base = temporaryFolder()
        let run = try OutputRun.begin(base + "/new/deeper", plan: .race)
        #expect(FileManager.default.fileExists(atPath: base + "/new/deeper"))
        run.finish()
        #expect(contents(base).isEmpty)
    }
}

/// A run killed outright (SIGKILL, no chance to tidy) leaves temporaries that the next run into the folder removes.
@Suite struct KilledRunTests {
    @Test func theNextRunRemovesWhatAKilledRunLeft() throws {
        let executable = try #require(InterruptedRun.executable)
        let folder = temporaryFolder() + "/k"
        let child = try #require(SpawnedChild(executable: executable, arguments: ["race", "--steps", "4000", "--size", "400x300", "--out", folder]))
        let deadline = Date().addingTimeInterval(120)
        while child.isRunning && Date() < deadline && !FileManager.default.fileExists(atPath: folder + "/frames/frame_0040.png") {
            usleep(10_000)
        }
        kill(child.pid, SIGKILL)
        _ = child.wait(until: Date().addingTimeInterval(30))
        let run = optrace("race", "--steps", "3", "--size", "200x150", "--out", folder, "--quiet")
        #expect(run.code == 0, "\(run.stderr)")
        let left = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "\(left)")
        #expect(contents(folder + "/frames") == ["frame_0000.png", "frame_0001.png", "frame_0002.png", "frame_0003.png"])
    }
}
