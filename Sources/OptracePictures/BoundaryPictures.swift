import OptraceCore
import OptracePlot

/// Draws a two-input, one-output network race's decision boundaries: `boundary.png` with each racer's final
/// network, and `boundary.apng` over training (a frame per kept snapshot).
public enum BoundaryPictures {
    /// Whether the scenario's networks map the plane to one output.
    public static func applies(to scenario: ModelScenario) -> Bool {
        scenario.shape.widths.first == 2 && scenario.shape.widths.last == 1
    }

    /// Lattice points a side.
    static let lattice = 81

    /// The plane shown: the data's bounding box with a margin of 15 % of its larger side, made square.
    static func ranges(_ data: DataSet) -> (ClosedRange<Double>, ClosedRange<Double>) {
        let xs = (0..<data.count).map { data.inputs[$0, 0] }, ys = (0..<data.count).map { data.inputs[$0, 1] }
        let (x0, x1, y0, y1) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        let side = max(x1 - x0, y1 - y0, 1e-6) * 1.3
        let cx = (x0 + x1) / 2, cy = (y0 + y1) / 2
        // Ends on quarter units, so the axis reads in round numbers.
        func outward(_ lo: Double, _ hi: Double) -> ClosedRange<Double> { ((lo * 4).rounded(.down) / 4)...((hi * 4).rounded(.up) / 4) }
        return (outward(cx - side / 2, cx + side / 2), outward(cy - side / 2, cy + side / 2))
    }

    /// The network's output at `theta` over the plane.
    static func field(_ shape: NetworkShape, _ theta: FlatVector, x: ClosedRange<Double>, y: ClosedRange<Double>) -> Field {
        let n = lattice
        var inputs: [Double] = []
        inputs.reserveCapacity(2 * n * n)
        for r in 0..<n {
            let b = y.lowerBound + (y.upperBound - y.lowerBound) * Double(r) / Double(n - 1)
            for c in 0..<n { inputs += [x.lowerBound + (x.upperBound - x.lowerBound) * Double(c) / Double(n - 1), b] }
        }
        let p = NetworkGradient.predictions(shape, theta: theta, inputs: Matrix(rows: n * n, columns: 2, values: inputs))
        return Field(values: p.values, columns: n, rows: n, xRange: x, yRange: y)
    }

    /// The scene with each racer's network at `thetas` (nil: a diverged racer, drawn from its last finite weights).
    static func scene(_ race: ModelRace, thetas: [FlatVector], epoch: Int?) -> BoundaryScene {
        let scenario = race.scenario
        let (xr, yr) = ranges(scenario.data)
        let panels = zip(race.runs, thetas).map { run, theta in
            var detail: String
            if let epoch {
                let loss = epoch < run.losses.count ? run.losses[epoch] : run.losses.last ?? .nan
                detail = "epoch \(epoch) · loss \(NumberFormat.fixedSignificant(loss, 3))"
            } else if let d = run.divergedAt {
                detail = "diverged at epoch \(d)"
            } else {
                detail = "loss \(NumberFormat.fixedSignificant(run.losses.last ?? .nan, 3))"
                if let a = race.accuracy(run) { detail += " · \(Int((a * 100).rounded()))% right" }
            }
            return BoundaryScene.Panel(name: run.racer, detail: detail, field: field(scenario.shape, theta, x: xr, y: yr))
        }
        let points = (0..<scenario.data.count).map { SIMD2(scenario.data.inputs[$0, 0], scenario.data.inputs[$0, 1]) }
        let classes = scenario.data.targets.values.map { $0 >= 0.5 ? 1 : 0 }
        return BoundaryScene(
            title: "\(scenario.title): decision boundaries", subtitle: ModelRacePictures.subtitle(scenario) + "; the line is output ½",
            panels: panels, points: points, classes: classes)
    }

    /// Picture size: 4 panels a row, each about 200 units wide.
    static func size(_ race: ModelRace) -> (Double, Double) {
        let n = race.runs.count, perRow = min(4, n), rows = (n + perRow - 1) / perRow
        return (max(560, 36 + 216 * Double(perRow)), 62 + 250 * Double(rows))
    }

    /// Writes `boundary.png`, and the animation over training (`boundary.apng`, and the other `animations`
    /// formats) when the runs kept snapshots; returns the names written.
    public static func write(_ race: ModelRace, into folder: OutputFolder, fps: Double = 12,
                             animations: [AnimationFormat] = [.apng]) throws -> [String] {
        guard applies(to: race.scenario) else { return [] }
        let (w, h) = size(race)
        let stop = PictureCancellation.interruption
        let finals = race.runs.map(\.parameters)
        let still = BoundaryRenderer(scene: scene(race, thetas: finals, epoch: nil), width: w, height: h).render()
        try AtomicFile.write(try PictureCancellation.run { try PNGEncoder(options: .standard).encode(still, cancellation: stop) }, to: folder.file("boundary.png"))
        var written = ["boundary.png"]
        let frames = race.runs.map(\.snapshotEpochs.count).max() ?? 0
        guard frames > 1, !animations.isEmpty else { return written }
        let render = { (k: Int) -> RGBAImage in
            // A racer that stopped early (diverged) keeps its last kept weights.
            let thetas = race.runs.map { run in run.snapshots[min(k, run.snapshots.count - 1)] }
            let epoch = race.runs.first { k < $0.snapshotEpochs.count }?.snapshotEpochs[k] ?? 0
            return BoundaryRenderer(scene: scene(race, thetas: thetas, epoch: epoch), width: w, height: h).render()
        }
        let plan = try AnimationPlan.sampling(
            formats: animations, width: still.width, height: still.height, frameCount: frames,
            timing: AnimationTiming(fps: fps, finalHold: 2),
            reserved: race.runs.indices.map { RacerPalette.style($0).color }
        ) { k in
            try Interruption.check()
            return render(k)
        }
        let files = try AnimationFiles(plan: plan, base: "boundary", folder: folder)
        for k in 0..<frames {
            try Interruption.check()
            try files.encoders.append(image: render(k))
        }
        written += try files.commit()
        return written
    }
}
