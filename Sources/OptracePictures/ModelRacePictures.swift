import OptraceCore
import OptracePlot

/// Draws a model race's pictures: `loss.png`, every racer's training loss by epoch on a log axis.
public enum ModelRacePictures {
    /// The loss plot's scene.
    public static func lossScene(_ race: ModelRace) -> LossPlotScene {
        let scenario = race.scenario
        let tracks = zip(scenario.racers, race.runs).map { racer, run in
            RacerTrack(
                name: racer.name, legendLabel: RaceScenes.legendLabel(racer), points: [], losses: run.losses,
                divergedAtStep: run.divergedAt, color: racer.colorRGB.map { RGBColor(hex: $0) },
                dash: racer.dash.flatMap(PathDash.init))
        }
        return LossPlotScene(
            title: "\(scenario.title): training loss", subtitle: subtitle(scenario), racers: tracks, xLabel: "epoch",
            yLabel: "loss (\(scenario.shape.loss.rawValue))")
    }

    /// "2-4-1 tanh/sigmoid, bce on xor8 (8 examples), full batch, init normal σ=1 seed 3".
    public static func subtitle(_ scenario: ModelScenario) -> String {
        let shape = scenario.shape
        let batch = scenario.batch.map { "batches of \($0)" } ?? "full batch"
        let initialization: String
        switch scenario.initialization.scale {
        case .normal(let sigma): initialization = "normal σ=\(NumberFormat.short(sigma))"
        case .xavier: initialization = "Xavier"
        case .he: initialization = "He"
        }
        return "\(shape.widths.map(String.init).joined(separator: "-")) \(shape.hidden.rawValue)/\(shape.output.rawValue)\(shape.residual ? " residual" : ""), \(shape.loss.rawValue) on \(scenario.data.name) (\(scenario.data.count) examples), \(batch), init \(initialization) seed \(scenario.initialization.seed)"
    }

    /// Writes `loss.png` into `folder`; returns the names written.
    public static func write(_ race: ModelRace, into folder: OutputFolder) throws -> [String] {
        try LossPlotFile.write(lossScene(race), width: 800, height: 450, name: "loss.png", into: folder)
    }
}
