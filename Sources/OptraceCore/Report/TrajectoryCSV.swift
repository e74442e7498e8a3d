import Foundation

/// `trajectory.csv`: one row per racer and step, numbers that read back as the same float64.
///
/// Header `racer,step,x,y,loss,grad_x,grad_y,noise_x,noise_y`. Step 0 is the start with empty
/// gradient and noise; row t ≥ 1 holds θₜ, f(θₜ) without noise, the noisy gradient gₜ that
/// update t used (before any transformation) and the noise ξₜ. A requested `Interruption`
/// ends the rendering early (the caller checks and writes nothing).
public enum TrajectoryCSV {
    public static let header = "racer,step,x,y,loss,grad_x,grad_y,noise_x,noise_y"

    /// The whole file as UTF-8 bytes.
    public static func render(_ result: RaceResult) -> [UInt8] {
        var out = [UInt8]()
        let rows = result.trajectories.reduce(0) { $0 + $1.positions.count }
        out.reserveCapacity(rows * 120 + 64)
        out.append(contentsOf: Array(header.utf8)); out.append(10)
        for trajectory in result.trajectories {
            let name = Array(field(trajectory.racer.name).utf8)
            for t in 0...trajectory.lastStep {
                if t & 0xFFFF == 0xFFFF && Interruption.isRequested { return out }
                out.append(contentsOf: name); out.append(44)
                out.append(contentsOf: Array(String(t).utf8)); out.append(44)
                append(trajectory.positions[t].x, to: &out); out.append(44)
                append(trajectory.positions[t].y, to: &out); out.append(44)
                append(trajectory.losses[t], to: &out)
                if t == 0 {
                    out.append(contentsOf: [44, 44, 44, 44])
                } else {
                    out.append(44); append(trajectory.gradients[t].x, to: &out)
                    out.append(44); append(trajectory.gradients[t].y, to: &out)
                    out.append(44); append(trajectory.noise[t].x, to: &out)
                    out.append(44); append(trajectory.noise[t].y, to: &out)
                }
                out.append(10)
            }
        }
        return out
    }

    private static func append(_ v: Double, to out: inout [UInt8]) {
        out.append(contentsOf: Array(NumberFormat.roundTrip(v).utf8))
    }

    /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
