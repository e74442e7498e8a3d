import OptraceCore
import OptracePlot

/// Draws a landscape slice with the race renderer: bands and iso-lines of the loss on the plane, each racer's
/// projected path, θ* marked, and how much of each path the plane holds.
public enum LandscapePictures {
    /// The slice's scene.
    public static func scene(_ slice: LandscapeSlice, race: ModelRace, colormap: Colormap = .viridis) -> RaceScene {
        let scenario = race.scenario
        let tracks = zip(scenario.racers, zip(race.runs, zip(slice.paths, zip(slice.pathLosses, slice.shares)))).map { racer, rest in
            let (run, (points, (losses, share))) = rest
            let held = share.map { " (\(Int((100 * $0).rounded()))% in the plane)" } ?? ""
            // Snapshots are every k-th epoch and the end: the panel counts epochs.
            let every = run.snapshotEpochs.count > 1 ? run.snapshotEpochs[1] - run.snapshotEpochs[0] : 1
            let finite = run.snapshots.indices.filter { run.snapshots[$0].values.allSatisfy(\.isFinite) }
            let last = finite.last.map { run.snapshotEpochs[$0] } ?? 0
            return RacerTrack(
                name: racer.name, legendLabel: RaceScenes.legendLabel(racer) + held, points: points, losses: losses,
                divergedAtStep: run.divergedAt, color: racer.colorRGB.map { RGBColor(hex: $0) }, stride: every,
                finalStep: last == (points.count - 1) * every ? nil : last, dash: racer.dash.flatMap(PathDash.init))
        }
        let plane: String
        switch slice.directions {
        case .random: plane = "filter-normalised random directions"
        case .principal: plane = "top two principal directions of the paths (\(Int((100 * (slice.explained ?? 0)).rounded()))% of their spread)"
        }
        let field = Field(values: slice.values, columns: slice.columns, rows: slice.rows, xRange: slice.xRange, yRange: slice.yRange)
        var scene = RaceScene(
            title: "\(scenario.title): the loss on a plane through θ*",
            subtitle: "θ* = \(slice.centreRacer)'s final weights; \(plane); paths projected (a projection is not a path on the surface)",
            field: field, colormap: colormap, minima: [KnownMinimum(point: SIMD2(0, 0), isGlobal: true)], racers: tracks,
            valueLabel: "loss (\(scenario.shape.loss.rawValue))", xLabel: "α (along d₁)", yLabel: "β (along d₂)")
        scene.globalMinimumLabel = "θ*"
        scene.stepName = "epoch"
        return scene
    }

    /// `racer,epoch,alpha,beta,loss`: each racer's projected path (round-trip numbers).
    public static func csv(_ slice: LandscapeSlice, race: ModelRace) -> String {
        var text = "racer,epoch,alpha,beta,loss\n"
        for (run, (points, losses)) in zip(race.runs, zip(slice.paths, slice.pathLosses)) {
            let epochs = run.snapshots.indices.filter { run.snapshots[$0].values.allSatisfy(\.isFinite) }.map { run.snapshotEpochs[$0] }
            for (k, p) in points.enumerated() {
                text += "\(TrajectoryCSV.field(run.racer)),\(epochs[k]),\(NumberFormat.roundTrip(p.x)),\(NumberFormat.roundTrip(p.y)),\(NumberFormat.roundTrip(losses[k]))\n"
            }
        }
        return text
    }

    /// Writes `landscape.png` (800 × 600) and `landscape.csv`; returns the names written.
    public static func write(_ slice: LandscapeSlice, race: ModelRace, into folder: OutputFolder, render: Bool) throws -> [String] {
        try AtomicFile.write(csv(slice, race: race), to: folder.file("landscape.csv"))
        guard render else { return ["landscape.csv"] }
        let stop = PictureCancellation.interruption
        let renderer = try PictureCancellation.run {
            try RaceFrameRenderer(scene: scene(slice, race: race), width: 800, height: 600, scale: 1, cancellation: stop)
        }
        let image = try PictureCancellation.run { try renderer.renderSummary(cancellation: stop) }
        let png = try PictureCancellation.run { try PNGEncoder(options: .standard).encode(image, cancellation: stop) }
        try AtomicFile.write(png, to: folder.file("landscape.png"))
        return ["landscape.csv", "landscape.png"]
    }
}
