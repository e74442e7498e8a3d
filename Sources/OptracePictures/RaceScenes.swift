import OptraceCore
import OptracePlot

/// Turns a scenario and its race into the plotting library's scenes (the glue between core and plot).
public enum RaceScenes {
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
        let shown = racer.settings.entries.filter { entry in
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
    /// A racer's own `color`/`dash` go on its track; a racer whose path lies on an earlier one's with the same
    /// dash is drawn with another dash, so the earlier colour shows through its gaps.
    static func tracks(_ result: RaceResult) -> [RacerTrack] {
        var tracks = result.trajectories.map { trajectory in
            let racer = trajectory.racer
            return RacerTrack(
                name: racer.name, legendLabel: legendLabel(racer), points: trajectory.positions,
                losses: trajectory.losses, divergedAtStep: trajectory.status.divergedAtStep,
                color: racer.colorRGB.map { RGBColor(hex: $0) }, stride: trajectory.stride,
                finalStep: trajectory.isFull ? nil : trajectory.lastStep, dash: racer.dash.flatMap(PathDash.init))
        }
        let span = max(result.domain.xRange.upperBound - result.domain.xRange.lowerBound,
                       result.domain.yRange.upperBound - result.domain.yRange.lowerBound)
        for i in tracks.indices where tracks[i].dash == nil {
            let own = tracks[i].style(index: i).dash
            let under = (0..<i).filter { j in coincide(tracks[i].points, tracks[j].points, within: span / 400) }
            let taken = Set(under.map { tracks[$0].style(index: $0).dash })
            guard taken.contains(own) else { continue }
            tracks[i].dash = PathDash.allCases.first { !taken.contains($0) && $0 != .solid } ?? own
        }
        return tracks
    }

    /// Whether two paths run together: at least half of their common kept points within `tolerance` of each other.
    static func coincide(_ a: [SIMD2<Double>], _ b: [SIMD2<Double>], within tolerance: Double) -> Bool {
        let n = min(a.count, b.count)
        guard n > 1 else { return false }
        var close = 0
        for k in 0..<n {
            let d = a[k] - b[k]
            if abs(d.x) <= tolerance && abs(d.y) <= tolerance { close += 1 }
        }
        return close * 2 >= n
    }

    /// "σ=0.2 seed 13081" or "no noise".
    public static func noiseText(_ noise: GradientNoise) -> String {
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
