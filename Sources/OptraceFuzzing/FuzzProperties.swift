import OptraceCore

/// The properties the fuzz targets check, each a pure function of what a run produced, so each can be shown to fail.
public enum FuzzProperties {
    /// An expression's printed form `printed` must parse back to `parsed`.
    public static func roundTrip(_ parsed: Expression, printed: String, input: String) -> FuzzTarget.Finding? {
        guard let reparsed = try? Expression(parsing: printed), reparsed == parsed else {
            return FuzzTarget.Finding(description: "description '\(printed)' does not parse back to the same tree: \(input)")
        }
        return nil
    }

    /// The fast tape and the as-written trace at one point: a gradient per variable, and agreement on whether f is finite.
    ///
    /// The fast program reassociates constants (x/c becomes (1/c)·x, e^y becomes exp(y)), so on
    /// ill-conditioned inputs it may differ from the trace in the last bits, which sin(1e16·…) then
    /// amplifies, and 0·∞ may be NaN on one side and dropped on the other; the unit tests hold the
    /// two to 1e-12 on sound expressions. Both must at least agree on finiteness (NaN and ±inf both end a race).
    public static func tapeAgreement(
        variables: Int, fast: (value: Double, gradient: [Double]), trace: (value: Double, gradient: [Double]), input: String
    ) -> FuzzTarget.Finding? {
        if fast.gradient.count != variables || trace.gradient.count != variables {
            return FuzzTarget.Finding(
                description: "gradient has \(fast.gradient.count) (fast) and \(trace.gradient.count) (trace) entries for \(variables) variables: \(input)")
        }
        if fast.value.isFinite != trace.value.isFinite {
            return FuzzTarget.Finding(description: "fast tape and trace disagree on finiteness (\(fast.value) vs \(trace.value)): \(input)")
        }
        return nil
    }

    /// A race's record: each racer starts at the start, records exactly one entry per step up to the
    /// step count (finished) or its step of divergence, in all four arrays, and every recorded
    /// position, loss and gradient before that last step is finite (a finished racer's last one too).
    public static func race(_ record: RaceRecord) -> FuzzTarget.Finding? {
        for entry in record.entries {
            func finding(_ what: String) -> FuzzTarget.Finding { FuzzTarget.Finding(description: "racer '\(entry.name)': \(what)") }
            let last: Int
            switch entry.status {
            case .finished: last = record.steps
            case .diverged(let step, _):
                guard (1...record.steps).contains(step) else { return finding("diverged at step \(step), outside 1…\(record.steps)") }
                last = step
            }
            for (name, count) in [
                ("positions", entry.positions.count), ("losses", entry.losses.count), ("gradients", entry.gradients.count),
                ("noise", entry.noise.count),
            ] where count != last + 1 {
                return finding("\(entry.status) after \(record.steps) steps, but \(count) \(name) recorded (expected \(last + 1))")
            }
            guard entry.positions[0] == entry.start else { return finding("starts at \(entry.positions[0]), not at \(entry.start)") }
            let finiteThrough = entry.status.isDiverged ? last - 1 : last
            for t in 0...max(0, finiteThrough) where t <= finiteThrough {
                let p = entry.positions[t], g = entry.gradients[t]
                if !(p.x.isFinite && p.y.isFinite && entry.losses[t].isFinite && g.x.isFinite && g.y.isFinite) {
                    return finding("a value at step \(t) is not finite, yet the racer \(entry.status.isDiverged ? "diverged only at step \(last)" : "finished")")
                }
            }
        }
        return nil
    }

    /// The same input loaded and run twice gives the same bytes.
    public static func deterministic(_ first: [UInt8], _ second: [UInt8], what: String) -> FuzzTarget.Finding? {
        first == second ? nil : FuzzTarget.Finding(description: "\(what) differs between two loads and runs of the same input")
    }

    /// The loader refuses a document for nesting exactly when its composed depth exceeds `limit`,
    /// and never calls generated, well-formed YAML a syntax error.
    public static func nesting(depth: Int, limit: Int, refusal: String?, input: String) -> FuzzTarget.Finding? {
        let refusedForDepth = refusal?.contains("nested more than") == true
        if refusedForDepth != (depth > limit) {
            return FuzzTarget.Finding(
                description: "depth \(depth) (limit \(limit)) was \(refusedForDepth ? "" : "not ")refused for nesting (\(refusal ?? "accepted")): \(input.prefix(200))")
        }
        if let refusal, refusal.contains("YAML syntax error") {
            return FuzzTarget.Finding(description: "well-formed YAML refused as a syntax error (\(refusal)): \(input.prefix(200))")
        }
        return nil
    }

    /// A path's parent and last component put back together give its components.
    public static func pathText(_ path: String) -> FuzzTarget.Finding? {
        let parts = PathText.components(path)
        guard !parts.isEmpty else { return nil }
        let parent = PathText.components(PathText.parent(path))
        let expectedParent = parts.count > 1 ? Array(parts.dropLast()) : (PathText.isAbsolute(path) ? [] : ["."])
        if parent != expectedParent || PathText.lastComponent(path) != parts.last {
            return FuzzTarget.Finding(description: "path '\(path)' splits into parent \(parent) and '\(PathText.lastComponent(path))'")
        }
        return nil
    }

    /// A refused `--out` was one that cannot be a folder, the refusal is one line, and nothing was created.
    public static func outputRefusal(path: String, message: String, expected: Bool, unchanged: Bool) -> FuzzTarget.Finding? {
        if !expected { return FuzzTarget.Finding(description: "a usable --out '\(path)' was refused: \(message)") }
        if message.contains("\n") { return FuzzTarget.Finding(description: "the refusal of '\(path)' is not one line: \(message)") }
        if !unchanged { return FuzzTarget.Finding(description: "the refused --out '\(path)' left files or folders behind") }
        return nil
    }

    /// An accepted `--out` holds exactly the file written and the record of the run as plain files, and no
    /// temporary file is left anywhere.
    public static func outputFolder(path: String, files: [String], temporaries: [String] = []) -> FuzzTarget.Finding? {
        if !temporaries.isEmpty { return FuzzTarget.Finding(description: "--out '\(path)' left temporary files \(temporaries)") }
        return files == [OutputNames.manifest, "trajectory.csv"]
            ? nil : FuzzTarget.Finding(description: "the folder of --out '\(path)' holds \(files) after the run")
    }
}
