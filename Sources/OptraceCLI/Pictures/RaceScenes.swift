import OptraceCore
import OptracePlot

/// Turns a scenario and its race into the plotting library's scenes (the glue between core and plot).
enum RaceScenes {
    /// Lattice points per axis for the surface field: about one per two pixels of the figure.
    static func fieldSize(width: Double, height: Double, scale: Double) -> (columns: Int, rows: Int) {
        (max(160, Int(width * scale / 2) + 1), max(120, Int(height * scale / 2) + 1))
    }

    /// The surface sampled over its domain.
    static func field(_ surface: Surface, columns: Int, rows: Int) -> Field {
        Field(
            values: surface.valueGrid(columns: columns, rows: rows), columns: columns, rows: rows,
            xRange: surface.domain.xRange, yRange: surface.domain.yRange)
    }

    /// "Momentum  momentum η=0.22": the racer's name, its optimizer (when the name differs from it),
    /// the learning rate and the hyperparameters that differ from the defaults (a schedule by its type).
    static func legendLabel(_ racer: Racer) -> String {
        let definition = OptimizerCatalog.definition(named: racer.optimizerName)
        let shown = racer.hyperparameters.entries.filter { entry in
            entry.name == "lr" || definition?.parameter(named: entry.name)?.defaultValue != entry.value
        }
        let parts = shown.map { entry -> String in
            if entry.name == "schedule", case .text(let text) = entry.value {
                return String(text.prefix { $0 != "(" })
            }
            return "\(definition?.parameter(named: entry.name)?.symbol ?? entry.name)=\(entry.value)"
        }
        var head = racer.name
        if racer.name.lowercased() != racer.optimizerName.lowercased() { head += "  " + racer.optimizerName }
        var label = ([head] + parts).joined(separator: " ")
        if !racer.noisy { label += " (no noise)" }
        return label
    }

    /// The racers' tracks; a strided record (a long race) gives a strided track, drawn through its kept points.
    static func tracks(_ result: RaceResult) -> [RacerTrack] {
        result.trajectories.map { trajectory in
            RacerTrack(
                name: trajectory.racer.name, legendLabel: legendLabel(trajectory.racer), points: trajectory.positions,
                losses: trajectory.losses, divergedAtStep: trajectory.status.divergedAtStep,
                stride: trajectory.stride, finalStep: trajectory.isFull ? nil : trajectory.lastStep)
        }
    }

    /// "σ=0.2 seed 13081" or "no noise".
    static func noiseText(_ noise: GradientNoise) -> String {
        if noise.sigma == .zero { return "no noise" }
        let sigma = noise.sigma.x == noise.sigma.y
            ? NumberFormat.short(noise.sigma.x)
            : "[\(NumberFormat.short(noise.sigma.x)), \(NumberFormat.short(noise.sigma.y))]"
        return "σ=\(sigma)\(noise.batch > 1 ? " B=\(noise.batch)" : "") seed \(noise.seed)"
    }

    static func subtitle(_ scenario: Scenario) -> String {
        let starts = Set(scenario.racers.map { racer in
            let p = racer.start(in: scenario.start)
            return "(\(NumberFormat.short(p.x)), \(NumberFormat.short(p.y)))"
        })
        let start = starts.count == 1 ? "start \(starts.first!)" : "\(starts.count) starts (rings)"
        return "f(x, y) = \(scenario.surface.typesetFormula)   \(start)   \(noiseText(scenario.noise))"
    }

    /// The race figure's scene.
    static func race(_ scenario: Scenario, _ result: RaceResult, field: Field, colormap: Colormap) -> RaceScene {
        RaceScene(
            title: scenario.title, subtitle: subtitle(scenario), field: field, colormap: colormap,
            minima: result.minima.map { OptracePlot.KnownMinimum(point: $0.point, isGlobal: $0.isGlobal) },
            racers: tracks(result), lossFloor: lossFloor(scenario))
    }

    /// f*: the lowest known minimum value of the surface, if any minimum is known.
    static func lossFloor(_ scenario: Scenario) -> Double? {
        scenario.surface.minima.map(\.value).filter(\.isFinite).min()
    }

    /// The loss plot's scene.
    static func loss(_ scenario: Scenario, _ result: RaceResult) -> LossPlotScene {
        LossPlotScene(
            title: "\(scenario.title): loss by step", subtitle: subtitle(scenario), racers: tracks(result),
            checkpoints: scenario.checkpoints, lossFloor: lossFloor(scenario), threshold: scenario.threshold)
    }
}
