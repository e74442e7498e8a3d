import OptraceCore
import OptracePlot

/// Draws the depth study: `depth.png`, the gradient reaching each layer relative to the top, on a log axis.
public enum DepthPictures {
    /// The picture's scene: x is the layer, y the gradient's norm relative to the top hidden layer.
    public static func scene(_ study: DepthStudy) -> LossPlotScene {
        var tracks: [RacerTrack] = []
        for probe in study.probes where DepthConfiguration.shown.contains(probe.configuration) {
            tracks.append(RacerTrack(name: probe.configuration.label, legendLabel: probe.configuration.label, points: [], losses: probe.ratios))
        }
        for factor in DepthStudy.referenceFactors {
            let name = "\(NumberFormat.short(factor))^(L−ℓ)"
            tracks.append(RacerTrack(
                name: name, legendLabel: "\(name) scalar chain", points: [], losses: study.reference(factor),
                color: RGBColor(red: 0.45, green: 0.45, blue: 0.45), dash: factor < 1 ? .dashed : .dotted))
        }
        // Twenty decades each way hold the scalar chains with room; curves beyond run along the edge (depth.csv has them).
        return LossPlotScene(
            title: "Gradients through \(study.depth) layers at initialisation",
            subtitle: "‖∂L/∂h_ℓ‖ / ‖∂L/∂h_L‖, width \(study.width), batch \(DepthProbe.batch), seed \(study.seed); every configuration in depth.csv",
            racers: tracks, xLabel: "layer ℓ (0 = inputs)", yLabel: "gradient relative to the top layer", yLimits: 1e-20...1e20)
    }

    /// Writes `depth.png`; returns the names written.
    public static func write(_ study: DepthStudy, into folder: OutputFolder) throws -> [String] {
        try LossPlotFile.write(scene(study), width: 900, height: 560, name: "depth.png", into: folder)
    }

    /// The training race's scene: one colour per configuration, solid without clipping, dashed with it.
    public static func trainingScene(_ training: DepthTraining) -> LossPlotScene {
        let tracks = training.entries.map { entry -> RacerTrack in
            let index = DepthConfiguration.shown.firstIndex(of: entry.configuration) ?? 0
            let name = entry.configuration.label + (entry.clipped ? ", clipped" : "")
            return RacerTrack(
                name: name, legendLabel: name, points: [], losses: entry.run.losses, divergedAtStep: entry.run.divergedAt,
                color: RacerPalette.style(index).color, dash: entry.clipped ? .dashed : .solid)
        }
        // The targets' own variance is about 0.4: from 10⁻³ to 10² holds every run that learns or stalls; the
        // exploding ones leave the range (depth-training.csv has them).
        return LossPlotScene(
            title: "Which deep networks learn: \(training.steps) steps of SGD at depth \(training.depth)",
            subtitle: "η = \(NumberFormat.short(training.learningRate)), teacher tanh(u·x), \(DepthTraining.examples) examples, width \(training.width); dashed: clip_norm \(NumberFormat.short(training.clipNorm))",
            racers: tracks, xLabel: "step", yLabel: "loss (mse)", yLimits: 1e-3...1e2)
    }

    /// Writes `depth-training.png`; returns the names written.
    public static func writeTraining(_ training: DepthTraining, into folder: OutputFolder) throws -> [String] {
        try LossPlotFile.write(trainingScene(training), width: 900, height: 620, name: "depth-training.png", into: folder)
    }
}
