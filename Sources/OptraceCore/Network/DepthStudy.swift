import Dispatch

/// The depth study of §8.7: a `DepthProbe` for each configuration, with the scalar chain's references.
public struct DepthStudy: Sendable {
    public let depth: Int
    public let width: Int
    public let seed: UInt64
    public let probes: [DepthProbe]

    /// The per-layer factors of the chapter's scalar chains: 0.9 vanishes, 1.1 explodes.
    public static let referenceFactors = [0.9, 1.1]

    /// Probes every configuration (in parallel; each probe is the same whatever the thread count).
    public init(depth: Int, width: Int, seed: UInt64, configurations: [DepthConfiguration] = DepthConfiguration.all) {
        self.depth = depth
        self.width = width
        self.seed = seed
        let slots = ResultSlots<DepthProbe>(count: configurations.count)
        DispatchQueue.concurrentPerform(iterations: configurations.count) { i in
            slots.set(i, DepthProbe(configurations[i], depth: depth, width: width, seed: seed))
        }
        probes = slots.values
    }

    /// factor^(depth − ℓ) for ℓ = 0 … depth: a scalar chain's gradient at layer ℓ relative to the top.
    public func reference(_ factor: Double) -> [Double] {
        (0...depth).map { l in (0..<(depth - l)).reduce(1.0) { product, _ in product * factor } }
    }

    /// `depth.csv`: configuration, activation, init, residual, layer, norm, ratio to the top layer; then the two
    /// reference chains as rows of their own.
    public var csv: String {
        var text = "configuration,activation,init,residual,layer,grad_norm,ratio_to_top\n"
        for probe in probes {
            let c = probe.configuration
            let scheme: String
            switch c.initialization {
            case .normal(let sigma): scheme = "normal(\(NumberFormat.roundTrip(sigma)))"
            case .xavier: scheme = "xavier"
            case .he: scheme = "he"
            }
            let ratios = probe.ratios
            for l in 0...depth {
                text += "\(TrajectoryCSV.field(c.label)),\(c.activation.rawValue),\(scheme),\(c.residual),\(l),\(NumberFormat.roundTrip(probe.norms[l])),\(NumberFormat.roundTrip(ratios[l]))\n"
            }
        }
        for factor in Self.referenceFactors {
            let values = reference(factor)
            for l in 0...depth {
                text += "\(TrajectoryCSV.field("scalar chain \(NumberFormat.short(factor))^(L-l)")),,,,\(l),,\(NumberFormat.roundTrip(values[l]))\n"
            }
        }
        return text
    }
}
