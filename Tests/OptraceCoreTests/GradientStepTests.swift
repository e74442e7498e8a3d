import Testing

@testable import OptraceCore

/// The graph stepper's step: the chapter's preset A, η = 1 on w and b, takes L from 0.0713 to 0.0392.
struct GradientStepTests {
    @Test func presetAsStepLowersTheLoss() throws {
        let expression = try Expression(parsing: "0.5*(sigmoid(w*x+b)-y)^2")
        let tape = try Tape(expression, variables: expression.variables)
        let inputs = expression.variables.map { ["w": 1.0, "x": 2, "b": -1.5, "y": 1][$0]! }
        let trace = tape.trace(at: inputs)
        let step = GradientStep(tape: tape, inputs: inputs, gradient: trace.gradient, names: ["w", "b"], learningRate: 1)
        let w = expression.variables.firstIndex(of: "w")!, b = expression.variables.firstIndex(of: "b")!
        #expect(step.inputs[w] == inputs[w] - trace.gradient[w] && step.inputs[b] == inputs[b] - trace.gradient[b])
        for i in inputs.indices where i != w && i != b { #expect(step.inputs[i] == inputs[i], "an unnamed variable keeps its value") }
        #expect(step.value == tape.value(at: step.inputs))
        #expect(abs(step.value - 0.0392) < 5e-5 && step.value < trace.value)
        #expect(step.names == ["w", "b"] && step.learningRate == 1)
    }
}
