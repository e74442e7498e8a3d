import Foundation

extension DataSet {
    /// The generated two-class sets a model scenario can name, each drawn from `numpy.random.default_rng(seed)`.
    public enum Generated: String, Sendable, CaseIterable {
        /// Two interleaved half circles (as scikit-learn's make_moons lays them out).
        case moons
        /// A ring around a disc: radii 1 and 0.5.
        case circles
        /// Two interleaved spiral arms, 1.5 turns each.
        case spirals
        /// Two round Gaussian clouds centred at (−1, −1) and (1, 1), σ = 0.6.
        case gaussians
    }

    /// `count` points of `kind` (half of each class, class 0 first), with Gaussian noise of σ = `noise` added
    /// to both coordinates of every point.
    public static func generated(_ kind: Generated, count: Int, noise: Double, seed: UInt64) -> DataSet {
        var rng = NumpyGenerator(seed: seed)
        let first = count - count / 2, second = count / 2
        var points: [[Double]] = [], labels: [Double] = []
        func spread(_ n: Int, _ k: Int) -> Double { n > 1 ? Double(k) / Double(n - 1) : 0 }
        for (label, n) in [(0.0, first), (1.0, second)] {
            for k in 0..<n {
                let t = spread(n, k)
                var p: [Double]
                switch kind {
                case .moons:
                    let angle = Double.pi * t
                    p = label == 0 ? [cos(angle), sin(angle)] : [1 - cos(angle), 0.5 - sin(angle)]
                case .circles:
                    let angle = 2 * Double.pi * Double(k) / Double(max(n, 1))
                    let radius = label == 0 ? 1.0 : 0.5
                    p = [radius * cos(angle), radius * sin(angle)]
                case .spirals:
                    let angle = 3 * Double.pi * t + (label == 0 ? 0 : Double.pi)
                    let radius = 0.1 + 0.9 * t
                    p = [radius * cos(angle), radius * sin(angle)]
                case .gaussians:
                    let centre = label == 0 ? -1.0 : 1.0
                    p = [centre + 0.6 * rng.standardNormal(), centre + 0.6 * rng.standardNormal()]
                }
                if noise > 0 { p = p.map { $0 + noise * rng.standardNormal() } }
                points.append(p)
                labels.append(label)
            }
        }
        return DataSet(name: kind.rawValue, inputs: Matrix(points), targets: Matrix(labels.map { [$0] }))
    }
}
