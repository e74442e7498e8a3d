import OptraceCore
import OptracePlot

/// Draws the depth study: `depth.png`, the gradient reaching each layer relative to the top, on a log axis.
public enum DepthPictures {
    /// The configurations the picture shows (all are in depth.csv): enough to tell the chapter's story without
    /// eighteen crossing lines.
    public static let shown: [DepthConfiguration] = [
        DepthConfiguration(activation: .sigmoid, initialization: .normal(1), residual: false),
        DepthConfiguration(activation: .sigmoid, initialization: .xavier, residual: false),
        DepthConfiguration(activation: .tanh, initialization: .normal(1), residual: false),
        DepthConfiguration(activation: .tanh, initialization: .xavier, residual: false),
        DepthConfiguration(activation: .relu, initialization: .normal(1), residual: false),
        DepthConfiguration(activation: .relu, initialization: .he, residual: false),
        DepthConfiguration(activation: .tanh, initialization: .xavier, residual: true),
        DepthConfiguration(activation: .relu, initialization: .he, residual: true),
    ]

    /// The picture's scene: x is the layer, y the gradient's norm relative to the top hidden layer.
    public static func scene(_ study: DepthStudy) -> LossPlotScene {
        var tracks: [RacerTrack] = []
        for probe in study.probes where shown.contains(probe.configuration) {
            tracks.append(RacerTrack(name: probe.configuration.label, legendLabel: probe.configuration.label, points: [], losses: probe.ratios))
        }
        for factor in DepthStudy.referenceFactors {
            let name = "\(NumberFormat.short(factor))^(L−ℓ)"
            tracks.append(RacerTrack(
                name: name, legendLabel: "\(name) scalar chain", points: [], losses: study.reference(factor),
                color: RGBColor(red: 0.45, green: 0.45, blue: 0.45), dash: factor < 1 ? .dashed : .dotted))
        }
        var scene = LossPlotScene(
            title: "Gradients through \(study.depth) layers at initialisation",
            subtitle: "‖∂L/∂h_ℓ‖ / ‖∂L/∂h_L‖, width \(study.width), batch \(DepthProbe.batch), seed \(study.seed); every configuration in depth.csv",
            racers: tracks, xLabel: "layer ℓ (0 = inputs)", yLabel: "gradient relative to the top layer")
        // Twenty decades each way hold the scalar chains with room; curves beyond run along the edge (depth.csv has them).
        scene.yLimits = 1e-20...1e20
        return scene
    }

    /// Writes `depth.png`; returns the names written.
    public static func write(_ study: DepthStudy, into folder: OutputFolder) throws -> [String] {
        let stop = PictureCancellation.interruption
        let image = try PictureCancellation.run {
            try LossPlotRenderer(scene: scene(study), width: 900, height: 560, scale: 1).render(cancellation: stop)
        }
        let png = try PictureCancellation.run { try PNGEncoder(options: .standard).encode(image, cancellation: stop) }
        try AtomicFile.write(png, to: folder.file("depth.png"))
        return ["depth.png"]
    }
}
