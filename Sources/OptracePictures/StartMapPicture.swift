import Foundation
import OptraceCore
import OptracePlot

/// Turns a start map into the plotting library's scene and writes `map.png`.
///
/// Drawing and encoding stop on SIGINT/SIGTERM (`Interrupted`), leaving no `map.png`.
public enum StartMapPicture {
    public static func write(_ map: StartMap, scenario: Scenario, racer: Racer, steps: Int, to folder: OutputFolder) throws -> [String] {
        try Interruption.check()
        let field = RaceScenes.field(scenario.surface, columns: 241, rows: 181)
        let shares = map.shares
        var endings = [Int](repeating: 0, count: map.outcomes.count)
        for k in endings.indices {
            if k % 4096 == 0 { try Interruption.check() }
            switch map.ending(k) {
            case .minimum(let m): endings[k] = m
            case .elsewhere: endings[k] = -1
            case .diverged: endings[k] = -2
            }
        }
        let minima = map.minima.map { m in
            StartMapScene.Minimum(
                point: m.point,
                label: "(\(TickFormatter.plain(m.point.x, decimals: 2)), \(TickFormatter.plain(m.point.y, decimals: 2)))",
                isGlobal: m.isGlobal)
        }
        var legend = zip(minima, shares.minima).map { m, share in
            "reach \(m.label)\(m.isGlobal ? " global" : " local"): \(percent(share))"
        }
        legend.append("near no known minimum: \(percent(shares.elsewhere))")
        legend.append("diverge: \(percent(shares.diverged))")
        let noise = racer.noisy && scenario.noise.sigma != .zero ? "noise seed \(scenario.noise.seed)" : "no noise"
        let scene = StartMapScene(
            title: "Where \(racer.name) ends from each start: \(scenario.title)",
            subtitle: "\(RaceScenes.legendLabel(racer)), \(map.columns)×\(map.rows) starts, \(steps) steps, \(noise)",
            field: field, columns: map.columns, rows: map.rows, endings: endings, finalLosses: map.outcomes.map(\.finalLoss),
            minima: minima, legend: legend,
            notes: ["A start is at a minimum when its run ends within \(NumberFormat.fixedSignificant(map.tolerance, 3)) of it; lines: contours of f."])
        let domain = scenario.surface.domain
        let aspect = domain.span.y / domain.span.x
        let width = 980.0
        let height = StartMapRenderer.fittingHeight(width: width, aspect: Swift.min(aspect, 1.2), notes: scene.notes.count)
        let renderer = StartMapRenderer(scene: scene, width: width, height: height, scale: 1.5)
        let image = try PictureCancellation.run { try renderer.render(cancellation: PictureCancellation.interruption) }
        try AtomicFile.write(try PictureCancellation.png(image), to: folder.file("map.png"))
        return ["map.png"]
    }

    static func percent(_ fraction: Double) -> String { NumberFormat.fixed(100 * fraction, 1) + "%" }
}
