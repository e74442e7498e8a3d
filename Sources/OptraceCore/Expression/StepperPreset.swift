/// The chapter's two graph-stepper presets: L = ½(σ(w·x + b) − y)² at w = 1, x = 2, b = −1.5, with y = 1 (A) or y = 0 (B).
public enum StepperPreset: String, Sendable, CaseIterable {
    case A, B

    /// The expression of both presets.
    public var expression: String { "0.5*(sigmoid(w*x+b)-y)^2" }
    /// The inputs, in the chapter's order.
    public var values: [(String, Double)] { [("w", 1), ("x", 2), ("b", -1.5), ("y", self == .A ? 1 : 0)] }
    /// The variables the chapter's step updates.
    public var stepNames: [String] { ["w", "b"] }
}
