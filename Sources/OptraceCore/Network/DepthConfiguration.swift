/// One deep network of the depth study (§8.7): its activation, its initialisation, and plain or residual layers.
public struct DepthConfiguration: Sendable, Equatable {
    public let activation: Activation
    public let initialization: NetworkInitialization.Scale
    public let residual: Bool

    public init(activation: Activation, initialization: NetworkInitialization.Scale, residual: Bool) {
        self.activation = activation
        self.initialization = initialization
        self.residual = residual
    }

    /// "tanh, Xavier, residual".
    public var label: String {
        let scheme: String
        switch initialization {
        case .normal(let sigma): scheme = sigma == 1 ? "N(0,1)" : "N(0,\(NumberFormat.short(sigma))²)"
        case .xavier: scheme = "Xavier"
        case .he: scheme = "He"
        }
        return "\(activation.rawValue), \(scheme)\(residual ? ", residual" : "")"
    }

    /// The eight the picture and the training race show: the chapter's story without eighteen crossing lines.
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

    /// Every combination of sigmoid, tanh and ReLU with N(0, 1), Xavier and He, plain and residual.
    public static let all: [DepthConfiguration] = [Activation.sigmoid, .tanh, .relu].flatMap { activation in
        [NetworkInitialization.Scale.normal(1), .xavier, .he].flatMap { scale in
            [false, true].map { DepthConfiguration(activation: activation, initialization: scale, residual: $0) }
        }
    }
}
