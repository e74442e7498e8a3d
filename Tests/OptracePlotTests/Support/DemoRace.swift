import Foundation
import OptracePlot

/// The default optrace surface and synthetic optimizer runs on it, for rendering tests.
enum DemoRace {
    static let sigma = 0.8

    static func f(_ x: Double, _ y: Double) -> Double {
        0.5 * (0.1 * x * x + y * y) + 1.5 * exp(-((x - 3) * (x - 3) + (y - 0.2) * (y - 0.2)) / (2 * sigma * sigma))
    }

    static func gradient(_ p: SIMD2<Double>) -> SIMD2<Double> {
        let b = 1.5 * exp(-((p.x - 3) * (p.x - 3) + (p.y - 0.2) * (p.y - 0.2)) / (2 * sigma * sigma))
        let s2 = sigma * sigma
        return SIMD2(0.1 * p.x - b * (p.x - 3) / s2, p.y - b * (p.y - 0.2) / s2)
    }

    static func field(columns: Int = 241, rows: Int = 161) -> Field {
        Field(columns: columns, rows: rows, xRange: -6...12, yRange: -5...5, f)
    }

    /// Runs `step` from (10, 4) for `steps` steps; after a loss above 10⁶ the run is declared diverged and the
    /// remaining points are NaN (as the engine reports them).
    static func run(name: String, label: String, steps: Int,
                    _ update: (inout SIMD2<Double>, inout [SIMD2<Double>], Int) -> Void) -> RacerTrack {
        var p = SIMD2(10.0, 4.0)
        var state: [SIMD2<Double>] = [.zero, .zero]
        var points = [p], losses = [f(p.x, p.y)]
        var diverged: Int?
        for k in 1...steps {
            if diverged == nil {
                update(&p, &state, k)
                let l = f(p.x, p.y)
                if !l.isFinite || l > 1e6 { diverged = k }
            }
            if diverged != nil && diverged! < k {
                points.append(SIMD2(.nan, .nan)); losses.append(.nan)
            } else {
                points.append(p); losses.append(f(p.x, p.y))
            }
        }
        return RacerTrack(name: name, legendLabel: label, points: points, losses: losses, divergedAtStep: diverged)
    }

    static func racers(steps: Int = 120, includeDiverging: Bool = true) -> [RacerTrack] {
        var list = [
            run(name: "GD", label: "GD  sgd η=1.6", steps: steps) { p, _, _ in p -= 1.6 * gradient(p) },
            run(name: "Momentum", label: "Momentum  momentum η=0.22 β=0.9", steps: steps) { p, s, _ in
                s[0] = 0.9 * s[0] + gradient(p)
                p -= 0.22 * s[0]
            },
            run(name: "Adam", label: "Adam  adam η=0.3 β₁=0.9 β₂=0.999", steps: steps) { p, s, k in
                let g = gradient(p)
                s[0] = 0.9 * s[0] + 0.1 * g
                s[1] = 0.999 * s[1] + 0.001 * g * g
                let mh = s[0] / (1 - pow(0.9, Double(k)))
                let vh = s[1] / (1 - pow(0.999, Double(k)))
                p -= 0.3 * mh / (vh.squareRoot() + 1e-8)
            },
        ]
        if includeDiverging {
            list.append(run(name: "GD hot", label: "GD hot  sgd η=2.3", steps: steps) { p, _, _ in p -= 2.3 * gradient(p) })
        }
        return list
    }

    static func scene(steps: Int = 120, includeDiverging: Bool = true) -> RaceScene {
        RaceScene(
            title: "Gaussian bump on an elongated bowl",
            subtitle: "f(x, y) = ½(0.1x² + y²) + 1.5·exp(−‖(x, y) − (3, 0.2)‖² / (2·0.8²))   start (10, 4)",
            field: field(),
            minima: [KnownMinimum(point: SIMD2(0, 0), isGlobal: true)],
            racers: racers(steps: steps, includeDiverging: includeDiverging))
    }

    /// The racers as the CLI's trajectory CSV (`racer,step,x,y,loss,grad_x,grad_y,noise_x,noise_y`), for the peers.
    static func trajectoryCSV(_ racers: [RacerTrack]) -> String {
        var out = "racer,step,x,y,loss,grad_x,grad_y,noise_x,noise_y\n"
        for r in racers {
            for (k, p) in r.points.enumerated() {
                let g = gradient(p)
                out += "\(r.name),\(k),\(p.x),\(p.y),\(r.losses[k]),\(g.x),\(g.y),0,0\n"
            }
        }
        return out
    }

    /// Writes `bytes` to `$OPTRACE_ARTIFACTS/name` when that variable is set (for looking at the pictures).
    static func saveArtifact(_ name: String, _ bytes: [UInt8]) {
        guard let dir = ProcessInfo.processInfo.environment["OPTRACE_ARTIFACTS"] else { return }
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes))
    }
}
