import Foundation
import OptraceCore
import OptracePlot

/// Turns a sweep's result into the plotting library's scenes and writes `heatmap.png` (2-D) or `sweep.png` (1-D).
///
/// Drawing and encoding stop on SIGINT/SIGTERM (`Interrupted`), leaving no picture.
public enum TunePictures {
    /// Draws and writes the picture of `result` into `folder`; returns the file names written (none for random
    /// samples of two or more parameters).
    public static func write(_ result: SweepResult, to folder: OutputFolder) throws -> [String] {
        let plan = result.header.plan
        try Interruption.check()
        if plan.axes.count == 2 && plan.isGrid {
            let renderer = HeatmapRenderer(scene: heatmap(result), scale: 1.5)
            let image = try PictureCancellation.run { try renderer.render(cancellation: PictureCancellation.interruption) }
            try AtomicFile.write(try PictureCancellation.png(image), to: folder.file("heatmap.png"))
            return ["heatmap.png"]
        }
        if plan.axes.count == 1 {
            let renderer = SweepRenderer(scene: sweep(result), scale: 1.5)
            let image = try PictureCancellation.run { try renderer.render(cancellation: PictureCancellation.interruption) }
            try AtomicFile.write(try PictureCancellation.png(image), to: folder.file("sweep.png"))
            return ["sweep.png"]
        }
        return []
    }

    /// The picture of `result` as PNG bytes, with where its cells are in pixels: for a heatmap the column edges (left
    /// to right) and row edges (bottom to top); for a sweep each value's x, the row edges being the plot's bottom and
    /// top. Nil for random samples of two or more parameters.
    public static func picture(_ result: SweepResult, scale: Double = 1) throws -> (png: [UInt8], columns: [Double], rows: [Double])? {
        let plan = result.header.plan
        if plan.axes.count == 2 && plan.isGrid {
            let renderer = HeatmapRenderer(scene: heatmap(result), scale: scale)
            let png = try PNGEncoder(options: .standard).encode(renderer.render())
            return (png, renderer.cellEdges.columns, renderer.cellEdges.rows)
        }
        if plan.axes.count == 1 {
            let renderer = SweepRenderer(scene: sweep(result), scale: scale)
            let png = try PNGEncoder(options: .standard).encode(renderer.render())
            return (png, renderer.cellCentres.x, [renderer.cellCentres.bottom, renderer.cellCentres.top])
        }
        return nil
    }

    /// How the key names failed runs: "diverged", or "diverged or unstable" when some runs ended above their start.
    static func failureLabel(_ cells: [SweepCell]) -> String {
        cells.contains { $0.unstable > 0 } ? "diverged/unstable" : "diverged"
    }

    static func subtitle(_ header: SweepHeader) -> String {
        let noise = header.hasNoise ? "\(header.seeds.count) noise seed\(header.seeds.count == 1 ? "" : "s") from \(header.seeds[0])" : "no noise"
        return "\(header.racer) (\(header.optimizer)) on \(header.scenario), \(header.steps) steps, \(noise), objective \(header.objective)"
    }

    /// The label of the coloured or plotted quantity: the objective, above f* when f* ≠ 0.
    static func valueLabel(_ header: SweepHeader) -> String {
        let ideal = header.objective.ideal(floor: header.floor)
        return ideal == 0 ? header.objective.label : "\(header.objective.label) − f*"
    }

    /// The objective above its ideal, for a log scale (nil without a value).
    static func shown(_ cells: [SweepCell], ideal: Double) -> [Double?] {
        let excess = cells.map { $0.mean.map { $0 - ideal } }
        let floor = (excess.compactMap { $0 }.filter { $0 > 0 }.min() ?? 1) / 2
        return excess.map { $0.map { Swift.max($0, floor) } }
    }

    /// Summary lines under a picture: `TuneTable.summary` split at "; " into lines that fit.
    static func notes(_ result: SweepResult) -> [String] {
        var lines: [String] = []
        for line in TuneTable.summary(result).split(separator: "\n") {
            var current = ""
            for part in line.components(separatedBy: "; ") {
                if !current.isEmpty && current.count + part.count > 110 {
                    lines.append(current + ";")
                    current = "    " + part
                } else {
                    current += current.isEmpty ? part : "; " + part
                }
            }
            if !current.isEmpty { lines.append(current) }
        }
        return lines
    }

    /// The picture's spacing of a swept axis.
    static func spacing(_ scale: AxisScale) -> AxisSpacing {
        switch scale {
        case .linear: return .linear
        case .log: return .log
        case .log1m: return .logOneMinus
        }
    }

    static func heatmap(_ result: SweepResult) -> HeatmapScene {
        let header = result.header
        let axes = header.plan.axes
        let n = axes[0].count!
        var best: (column: Int, row: Int)?
        if let cell = result.best { best = (cell.index % n, cell.index / n) }
        var theoryBest: (point: SIMD2<Double>, label: String)?
        var boundary: (points: [SIMD2<Double>], label: String)?
        if let theory = result.theory {
            if let point = theory.best {
                theoryBest = (SIMD2(point[0], point[1]), "theory optimum")
            }
            if let r = theory.rateAxis, let m = theory.momentumAxis {
                let betas = (0...200).map { axes[m].value(at: Double($0) / 200) }
                let points = betas.map { beta -> SIMD2<Double> in
                    let lr = theory.stabilityLimit(beta: beta)
                    return r == 0 ? SIMD2(lr, beta) : SIMD2(beta, lr)
                }
                boundary = (points, "theory: lr·λ₂ = 2 + 2β")
            }
        }
        return HeatmapScene(
            title: "\(header.racer): \(header.objective.label) over \(axes[0].name) × \(axes[1].name)",
            subtitle: subtitle(header), columns: axes[0].values, rows: axes[1].values, xLabel: axes[0].name,
            yLabel: axes[1].name, xSpacing: spacing(axes[0].scale), ySpacing: spacing(axes[1].scale),
            valueLabel: valueLabel(header), values: shown(result.cells, ideal: header.objective.ideal(floor: header.floor)),
            diverged: result.cells.map { $0.diverged + $0.unstable }, best: best, theoryBest: theoryBest, theoryBoundary: boundary,
            notes: notes(result), failureLabel: failureLabel(result.cells))
    }

    static func sweep(_ result: SweepResult) -> SweepScene {
        let header = result.header
        let axis = header.plan.axes[0]
        // Random samples of one parameter are drawn in order of their value.
        let order = result.cells.indices.sorted { result.cells[$0].values[0] < result.cells[$1].values[0] }
        let cells = order.map { result.cells[$0] }
        let ideal = header.objective.ideal(floor: header.floor)
        let shownMeans = shown(cells, ideal: ideal)
        var window: (low: Double, high: Double, label: String)?
        if let w = result.window {
            let of = w.decadesOfComplement ? " of 1 − \(axis.name)" : ""
            let width = w.decades.map { "\(NumberFormat.fixed($0, 2)) decades\(of)" } ?? "\(NumberFormat.fixedSignificant(w.high - w.low, 3)) wide"
            window = (w.low, w.high, "usable window (within \(NumberFormat.short(w.factor))× of the best): \(width)")
        }
        // The stability edge: where runs first end above their start, or diverge, whichever comes first.
        var edge: (value: Double, label: String)?
        if let w = result.window {
            if let unstable = w.unstableAbove, unstable < (w.divergesAbove ?? .infinity) {
                edge = (unstable, "unstable from")
            } else if let diverges = w.divergesAbove {
                edge = (diverges, "diverges from")
            }
        }
        var theoryBest: (value: Double, label: String)?
        var theoryEdge: (value: Double, label: String)?
        if let theory = result.theory {
            if let best = theory.best { theoryBest = (best[0], "theory optimum \(NumberFormat.fixedSignificant(best[0], 4))") }
            if let edge = theory.edge { theoryEdge = (edge, "theory: diverges at \(NumberFormat.fixedSignificant(edge, 4))") }
        }
        return SweepScene(
            title: "\(header.racer): \(header.objective.label) against \(axis.name)", subtitle: subtitle(header),
            values: cells.map { $0.values[0] }, xLabel: axis.name, xSpacing: spacing(axis.scale), yLabel: valueLabel(header),
            means: shownMeans, stds: cells.map(\.std), diverged: cells.map { $0.diverged + $0.unstable },
            best: result.best.flatMap { best in order.firstIndex(of: best.index) }, window: window,
            divergenceEdge: edge?.value, divergenceEdgeLabel: edge?.label ?? "diverges from", theoryBest: theoryBest,
            theoryEdge: theoryEdge, notes: notes(result), isSampled: !header.plan.isGrid)
    }
}
