import Testing
@testable import OptraceCore

/// `--shard auto` and `auto/N` resolved from a Slurm array task's or a Kubernetes Indexed Job pod's variables.
@Suite struct TuneShardEnvironmentTests {
    /// The variables Slurm sets for the task `id` of `sbatch --array=LOW-HIGH[:STEP]`.
    func slurm(_ id: Int, _ low: Int, _ high: Int, step: Int = 1) -> [String: String] {
        [
            "SLURM_JOB_ID": "\(1000 + id)", "SLURM_ARRAY_JOB_ID": "1000", "SLURM_ARRAY_TASK_ID": "\(id)",
            "SLURM_ARRAY_TASK_MIN": "\(low)", "SLURM_ARRAY_TASK_MAX": "\(high)", "SLURM_ARRAY_TASK_STEP": "\(step)",
            "SLURM_ARRAY_TASK_COUNT": "\((high - low) / step + 1)", "PATH": "/usr/bin",
        ]
    }

    /// The shard of `environment`, or the refusal's text.
    func resolve(_ environment: [String: String], count: Int? = nil) -> Result<TuneShard, TuneError> {
        Result { () throws(TuneError) in try TuneShard.fromEnvironment(environment, count: count) }
    }

    func refusal(_ environment: [String: String], count: Int? = nil) -> String? {
        if case .failure(let error) = resolve(environment, count: count) { return error.message }
        return nil
    }

    func shard(_ i: Int, _ n: Int) -> Result<TuneShard, TuneError> { .success(try! TuneShard(index: i, count: n)) }

    @Test func slurmArraysFromOneAndFromZeroGiveShardsOneToN() {
        for id in 1...8 { #expect(resolve(slurm(id, 1, 8)) == shard(id, 8)) }
        for id in 0...7 { #expect(resolve(slurm(id, 0, 7)) == shard(id + 1, 8)) }
        for id in 5...7 { #expect(resolve(slurm(id, 5, 7)) == shard(id - 4, 3)) }
        #expect(resolve(slurm(0, 0, 0)) == shard(1, 1))
        // STEP and MAX are checked when present, not required.
        var bare = slurm(3, 1, 8)
        bare["SLURM_ARRAY_TASK_STEP"] = nil
        bare["SLURM_ARRAY_TASK_MAX"] = nil
        #expect(resolve(bare) == shard(3, 8))
    }

    @Test func autoSlashNMustMatchSlurmsCount() {
        #expect(resolve(slurm(2, 1, 8), count: 8) == shard(2, 8))
        #expect(refusal(slurm(2, 1, 8), count: 4)
            == "--shard auto/4: SLURM_ARRAY_TASK_COUNT=8: expected 4, the N of auto/N (or give --shard auto to take N from Slurm)")
    }

    @Test func arraysWithGapsAreRefused() {
        // sbatch --array=1-9:2 gives the ids 1, 3, 5, 7, 9.
        #expect(refusal(slurm(3, 1, 9, step: 2))
            == "--shard auto: SLURM_ARRAY_TASK_STEP=2: expected 1, an array of contiguous ids (e.g. --array=1-5), or give --shard I/N")
        // A list with gaps, --array=1,2,7: count 3 but MAX − MIN + 1 = 7.
        var list = slurm(2, 1, 3)
        list["SLURM_ARRAY_TASK_MAX"] = "7"
        #expect(refusal(list)
            == "--shard auto: SLURM_ARRAY_TASK_MIN=1, SLURM_ARRAY_TASK_MAX=7, SLURM_ARRAY_TASK_COUNT=3: expected MAX − MIN + 1 = COUNT, an array of contiguous ids (e.g. --array=1-3), or give --shard I/N")
    }

    @Test func kubernetesIndexedJobsNeedAutoSlashN() {
        for index in 0...7 { #expect(resolve(["JOB_COMPLETION_INDEX": "\(index)"], count: 8) == shard(index + 1, 8)) }
        #expect(refusal(["JOB_COMPLETION_INDEX": "3"])
            == "--shard auto: JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but a pod does not see its Job's completions: expected --shard auto/N, N the completions")
        #expect(refusal(["JOB_COMPLETION_INDEX": "8"], count: 8)
            == "--shard auto/8: JOB_COMPLETION_INDEX: expected a whole number from 0 to 7 (the pod's index among the Job's 8 completions), found '8'")
        #expect(refusal(["JOB_COMPLETION_INDEX": "-1"], count: 8)!.hasSuffix("found '-1'"))
        #expect(refusal(["JOB_COMPLETION_INDEX": "one"], count: 8)!.hasSuffix("found 'one'"))
        #expect(refusal(["JOB_COMPLETION_INDEX": ""], count: 8)!.hasSuffix("found ''"))
        #expect(refusal(["JOB_COMPLETION_INDEX": "99999999999999999999999"], count: 8)!.hasSuffix("found '99999999999999999999999'"))
    }

    @Test func noSchedulerOrTwoAreRefused() {
        #expect(refusal([:])
            == "--shard auto: no array job found: expected SLURM_ARRAY_TASK_ID (a Slurm array job) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job, with --shard auto/N), or give --shard I/N")
        #expect(refusal(["PATH": "/usr/bin"], count: 4)!.hasPrefix("--shard auto/4: no array job found"))
        #expect(refusal(["SLURM_JOB_ID": "77"])
            == "--shard auto: SLURM_JOB_ID is set but SLURM_ARRAY_TASK_ID is not: expected an array job (sbatch --array=1-N), or give --shard I/N")
        var both = slurm(1, 1, 2)
        both["JOB_COMPLETION_INDEX"] = "0"
        #expect(refusal(both, count: 2)
            == "--shard auto/2: both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX are set; expected the variables of one scheduler, or give --shard I/N")
    }

    @Test func missingSlurmVariablesAreNamed() {
        var partial = slurm(2, 1, 4)
        partial["SLURM_ARRAY_TASK_MIN"] = nil
        #expect(refusal(partial)
            == "--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MIN is not: expected all of SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT, as Slurm sets them for an array task")
        partial["SLURM_ARRAY_TASK_COUNT"] = nil
        #expect(refusal(partial, count: 4)!.contains("but SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT are not"))
    }

    @Test func garbageSlurmVariablesAreNamed() {
        for (name, value, expected) in [
            ("SLURM_ARRAY_TASK_ID", "x", "from 0 to 1000000000, found 'x'"),
            ("SLURM_ARRAY_TASK_ID", "", "from 0 to 1000000000, found ''"),
            ("SLURM_ARRAY_TASK_ID", "-1", "from 0 to 1000000000, found '-1'"),
            ("SLURM_ARRAY_TASK_ID", "+2", "from 0 to 1000000000, found '+2'"),
            ("SLURM_ARRAY_TASK_ID", " 2", "from 0 to 1000000000, found ' 2'"),
            ("SLURM_ARRAY_TASK_ID", "2.0", "from 0 to 1000000000, found '2.0'"),
            ("SLURM_ARRAY_TASK_MIN", "1e0", "from 0 to 1000000000, found '1e0'"),
            ("SLURM_ARRAY_TASK_COUNT", "0", "from 1 to 1000000, found '0'"),
            ("SLURM_ARRAY_TASK_COUNT", "4000000", "from 1 to 1000000, found '4000000'"),
            ("SLURM_ARRAY_TASK_STEP", "0", "from 1 to 1000000000, found '0'"),
            ("SLURM_ARRAY_TASK_MAX", "0", "from 1 to 1000000000, found '0'"),
            ("SLURM_ARRAY_TASK_MAX", String(repeating: "9", count: 50), "found '\(String(repeating: "9", count: 40))…'"),
        ] {
            var environment = slurm(2, 1, 4)
            environment[name] = value
            let message = refusal(environment)
            #expect(message?.hasPrefix("--shard auto: \(name): expected a whole number ") == true, "\(name)=\(value): \(message ?? "accepted")")
            #expect(message?.hasSuffix(expected) == true, "\(name)=\(value): \(message ?? "accepted")")
        }
    }

    @Test func idsOutsideTheArrayAreRefused() {
        var below = slurm(2, 1, 4)
        below["SLURM_ARRAY_TASK_ID"] = "0"
        #expect(refusal(below)
            == "--shard auto: SLURM_ARRAY_TASK_ID=0: expected a whole number from 1 to 4 (SLURM_ARRAY_TASK_MIN to SLURM_ARRAY_TASK_MIN + SLURM_ARRAY_TASK_COUNT − 1)")
        var above = slurm(2, 1, 4)
        above["SLURM_ARRAY_TASK_ID"] = "5"
        #expect(refusal(above)!.hasPrefix("--shard auto: SLURM_ARRAY_TASK_ID=5: expected a whole number from 1 to 4"))
        above["SLURM_ARRAY_TASK_MAX"] = nil
        #expect(refusal(above, count: 4)!.hasPrefix("--shard auto/4: SLURM_ARRAY_TASK_ID=5: expected a whole number from 1 to 4"))
    }

    @Test func theOptionTextIsParsed() throws {
        let environment = slurm(6, 0, 7)
        #expect(try TuneShard.parse("auto", environment: environment) == TuneShard(index: 7, count: 8))
        #expect(try TuneShard.parse("auto/8", environment: environment) == TuneShard(index: 7, count: 8))
        #expect(try TuneShard.parse("auto/3", environment: ["JOB_COMPLETION_INDEX": "2"]) == TuneShard(index: 3, count: 3))
        // I/N ignores the environment.
        #expect(try TuneShard.parse("2/5", environment: environment) == TuneShard(index: 2, count: 5))
        for text in ["auto/", "auto/0", "auto/x", "auto/-2", "auto/8/1", "auto/1000001"] {
            #expect(throws: TuneError("--shard '\(text)': expected auto or auto/N with N a whole number from 1 to 1000000, for example auto/8")) {
                try TuneShard.parse(text, environment: environment)
            }
        }
        #expect(throws: TuneError("--shard 'Auto': expected I/N, for example 3/8 (shard 3 of 8, numbered from 1), or auto, or auto/N")) {
            try TuneShard.parse("Auto", environment: environment)
        }
        #expect(throws: TuneError("--shard 9223372036854775807/9223372036854775807: expected I/N with 1 ≤ I ≤ N ≤ 1000000")) {
            try TuneShard.parse("9223372036854775807/9223372036854775807", environment: [:])
        }
    }
}
