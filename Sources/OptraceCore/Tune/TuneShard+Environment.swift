/// `--shard auto`: the shard of a Slurm array task or of a Kubernetes Indexed Job's pod, from its environment.
extension TuneShard {
    /// The shard that the array task running with `environment` runs; `count` is the N of `--shard auto/N`.
    ///
    /// Slurm: shard `SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN + 1` of `SLURM_ARRAY_TASK_COUNT` (so `--array=1-8`
    /// and `--array=0-7` both give shards 1…8). All three are required; an array whose ids are not contiguous
    /// (`SLURM_ARRAY_TASK_STEP` ≠ 1, or `SLURM_ARRAY_TASK_MAX − SLURM_ARRAY_TASK_MIN + 1` ≠ the count) is refused,
    /// and so is a `count` other than Slurm's. Kubernetes: shard `JOB_COMPLETION_INDEX + 1` of `count`, which
    /// is required since a pod does not see its Job's completions. Anything else is refused naming the variable.
    public static func fromEnvironment(_ environment: [String: String], count: Int?) throws(TuneError) -> TuneShard {
        let option = "--shard auto" + (count.map { "/\($0)" } ?? "")
        if let count, !(1...maximumCount).contains(count) {
            throw TuneError("\(option): expected auto/N with N a whole number from 1 to \(maximumCount)")
        }
        let slurm = environment["SLURM_ARRAY_TASK_ID"], kubernetes = environment["JOB_COMPLETION_INDEX"]
        if slurm != nil && kubernetes != nil {
            throw TuneError("\(option): both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX are set; expected the variables of one scheduler, or give --shard I/N")
        }
        if slurm != nil { return try fromSlurm(environment, count: count, option: option) }
        if let kubernetes { return try fromKubernetes(kubernetes, count: count, option: option) }
        if environment["SLURM_JOB_ID"] != nil {
            throw TuneError("\(option): SLURM_JOB_ID is set but SLURM_ARRAY_TASK_ID is not: expected an array job (sbatch --array=1-N), or give --shard I/N")
        }
        throw TuneError("\(option): no array job found: expected SLURM_ARRAY_TASK_ID (a Slurm array job) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job, with --shard auto/N), or give --shard I/N")
    }

    private static func fromSlurm(_ environment: [String: String], count: Int?, option: String) throws(TuneError) -> TuneShard {
        let required = ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT"]
        let missing = required.filter { environment[$0] == nil }
        if !missing.isEmpty {
            throw TuneError("\(option): SLURM_ARRAY_TASK_ID is set but \(missing.joined(separator: " and ")) \(missing.count == 1 ? "is" : "are") not: expected all of \(required.joined(separator: ", ")), as Slurm sets them for an array task")
        }
        func number(_ name: String, from low: Int, to high: Int = maximumArrayID) throws(TuneError) -> Int {
            let text = environment[name] ?? ""
            guard let value = wholeNumber(Substring(text)), (low...high).contains(value) else {
                throw TuneError("\(option): \(name): expected a whole number from \(low) to \(high), found \(shown(text))")
            }
            return value
        }
        let id = try number("SLURM_ARRAY_TASK_ID", from: 0)
        let low = try number("SLURM_ARRAY_TASK_MIN", from: 0)
        let n = try number("SLURM_ARRAY_TASK_COUNT", from: 1, to: maximumCount)
        if environment["SLURM_ARRAY_TASK_STEP"] != nil {
            let step = try number("SLURM_ARRAY_TASK_STEP", from: 1)
            if step != 1 {
                throw TuneError("\(option): SLURM_ARRAY_TASK_STEP=\(step): expected 1, an array of contiguous ids (e.g. --array=1-\(n)), or give --shard I/N")
            }
        }
        if environment["SLURM_ARRAY_TASK_MAX"] != nil {
            let high = try number("SLURM_ARRAY_TASK_MAX", from: low)
            if high - low != n - 1 {
                throw TuneError("\(option): SLURM_ARRAY_TASK_MIN=\(low), SLURM_ARRAY_TASK_MAX=\(high), SLURM_ARRAY_TASK_COUNT=\(n): expected MAX − MIN + 1 = COUNT, an array of contiguous ids (e.g. --array=\(low)-\(low + n - 1)), or give --shard I/N")
            }
        }
        if let count, count != n {
            throw TuneError("\(option): SLURM_ARRAY_TASK_COUNT=\(n): expected \(count), the N of auto/N (or give --shard auto to take N from Slurm)")
        }
        guard id >= low, id - low < n else {
            throw TuneError("\(option): SLURM_ARRAY_TASK_ID=\(id): expected a whole number from \(low) to \(low + n - 1) (SLURM_ARRAY_TASK_MIN to SLURM_ARRAY_TASK_MIN + SLURM_ARRAY_TASK_COUNT − 1)")
        }
        return try TuneShard(index: id - low + 1, count: n)
    }

    private static func fromKubernetes(_ text: String, count: Int?, option: String) throws(TuneError) -> TuneShard {
        guard let count else {
            throw TuneError("\(option): JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but a pod does not see its Job's completions: expected --shard auto/N, N the completions")
        }
        guard let index = wholeNumber(Substring(text)), index < count else {
            throw TuneError("\(option): JOB_COMPLETION_INDEX: expected a whole number from 0 to \(count - 1) (the pod's index among the Job's \(count) completions), found \(shown(text))")
        }
        return try TuneShard(index: index + 1, count: count)
    }

    /// The largest array index taken from a scheduler (far above Slurm's and Kubernetes' own limits).
    static let maximumArrayID = 1_000_000_000

    /// A variable's value as an error shows it: quoted, and cut after 40 characters.
    private static func shown(_ text: String) -> String {
        "'" + (text.count > 40 ? text.prefix(40) + "…" : text) + "'"
    }

    /// `text` as a whole number ≥ 0 written in decimal digits only (no sign, no spaces), or nil.
    static func wholeNumber(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }
}
