import Foundation

/// `trajectory.csv`: one row per racer and step, numbers that read back as the same float64.
///
/// Header `racer,step,x,y,loss,grad_x,grad_y,noise_x,noise_y`. Step 0 is the start with empty
/// gradient and noise; row t ≥ 1 holds θₜ, f(θₜ) without noise, the noisy gradient gₜ that
/// update t used (before any transformation) and the noise ξₜ. A requested `Interruption`
/// ends the rendering early (the caller checks and writes nothing). Long races write the same
/// bytes while they run, through `TrajectoryCSVStream`.
public enum TrajectoryCSV {
    public static let header = "racer,step,x,y,loss,grad_x,grad_y,noise_x,noise_y"

    /// The whole file as UTF-8 bytes (for races recorded in full).
    public static func render(_ result: RaceResult) -> [UInt8] {
        precondition(result.trajectories.allSatisfy(\.isFull), "TrajectoryCSV.render needs full records")
        var out = [UInt8]()
        let rows = result.trajectories.reduce(0) { $0 + $1.positions.count }
        out.reserveCapacity(rows * 120 + 64)
        out.append(contentsOf: headerLine)
        for trajectory in result.trajectories {
            let name = nameField(trajectory.racer)
            for t in 0...trajectory.lastStep {
                if t & 0xFFFF == 0xFFFF && Interruption.isRequested { return out }
                appendRow(
                    name: name, step: t, position: trajectory.positions[t], loss: trajectory.losses[t],
                    gradient: trajectory.gradients[t], noise: trajectory.noise[t], to: &out)
            }
        }
        return out
    }

    /// The header and its line break.
    static var headerLine: [UInt8] { Array(header.utf8) + [10] }

    /// A racer's name as its rows' first field.
    static func nameField(_ racer: Racer) -> [UInt8] { Array(field(racer.name).utf8) }

    /// Appends the row of step `t` (gradient and noise are left empty at step 0).
    @inline(__always)
    static func appendRow(
        name: [UInt8], step t: Int, position: Vec2, loss: Double, gradient: Vec2, noise: Vec2, to out: inout [UInt8]
    ) {
        out.append(contentsOf: name); out.append(44)
        out.append(contentsOf: String(t).utf8); out.append(44)
        append(position.x, to: &out); out.append(44)
        append(position.y, to: &out); out.append(44)
        append(loss, to: &out)
        if t == 0 {
            out.append(contentsOf: [44, 44, 44, 44])
        } else {
            out.append(44); append(gradient.x, to: &out)
            out.append(44); append(gradient.y, to: &out)
            out.append(44); append(noise.x, to: &out)
            out.append(44); append(noise.y, to: &out)
        }
        out.append(10)
    }

    @inline(__always)
    private static func append(_ v: Double, to out: inout [UInt8]) {
        out.append(contentsOf: NumberFormat.roundTrip(v).utf8)
    }

    /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
