import OptraceCore
import Yams

/// A graph-stepper request: `expression` (or `preset`: "A" or "B"), the inputs under `at`, the variables `step` updates
/// and its learning rate `lr` (default 1).
public struct GradQuery {
    public static let keys = ["expression", "preset", "at", "step", "lr"]
    /// The longest expression accepted, in characters.
    public static let maximumExpressionLength = 2000

    public let source: String
    public let values: [String: Double]
    public let stepNames: [String]
    public let learningRate: Double

    public init(body: [UInt8]) throws(LiveError) {
        guard let text = String(validating: body, as: UTF8.self) else { throw LiveError(400, "request: the body is not UTF-8 text") }
        let mapping = try RaceQuery.mapping(text)
        var expression: String?
        var preset: StepperPreset?
        var values: [String: Double] = [:]
        var stepNames: [String]?
        var lr = 1.0
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "expression":
                guard case .scalar(let s) = value, !s.string.isEmpty else { throw LiveError(400, "request: expression: expected an expression such as \"x^2 + y\"", field: key) }
                guard s.string.count <= Self.maximumExpressionLength else {
                    throw LiveError(400, "request: expression: \(s.string.count) characters, over the limit of \(Self.maximumExpressionLength)", field: key)
                }
                expression = s.string
            case "preset":
                guard case .scalar(let s) = value, let p = StepperPreset(rawValue: s.string) else {
                    throw LiveError(400, "request: preset: expected A or B", field: key)
                }
                preset = p
            case "at":
                guard case .mapping(let inputs) = value else { throw LiveError(400, "request: at: expected an object of variable values, such as {\"w\": 1}", field: key) }
                for (nameNode, valueNode) in inputs {
                    let name = nameNode.string ?? ""
                    guard case .scalar(let s) = valueNode, s.style == .plain, let v = Double(s.string), v.isFinite else {
                        throw LiveError(400, "request: at.\(name.prefix(40)): expected a finite number", field: "at.\(name.prefix(40))")
                    }
                    values[name] = v
                }
            case "step":
                guard case .sequence(let names) = value else { throw LiveError(400, "request: step: expected a list of variable names, such as [\"w\", \"b\"]", field: key) }
                stepNames = names.map { $0.string ?? "" }
            case "lr":
                guard case .scalar(let s) = value, s.style == .plain, let v = Double(s.string), v.isFinite, v > 0 else {
                    throw LiveError(400, "request: lr: expected a finite number > 0", field: key)
                }
                lr = v
            default:
                throw LiveError(
                    400, "request: unknown key '\(key.prefix(80))'\(Suggestion.hint(for: key, in: Self.keys)); expected \(Self.keys.joined(separator: ", "))",
                    field: key)
            }
        }
        switch (expression, preset) {
        case (nil, nil): throw LiveError(400, "request: expected an expression or a preset (A or B)", field: "expression")
        case (_?, _?): throw LiveError(400, "request: give an expression or a preset, not both", field: "preset")
        default: break
        }
        var all = Dictionary(uniqueKeysWithValues: preset?.values ?? [])
        all.merge(values) { $1 }
        self.source = expression ?? preset!.expression
        self.values = all
        self.stepNames = stepNames ?? preset?.stepNames ?? []
        self.learningRate = lr
    }

    /// The checked question, or why not.
    public func question() throws(LiveError) -> GradientQuestion {
        do {
            let question = try GradientQuestion(source: source, values: values, stepNames: stepNames, learningRate: learningRate)
            if question.tape.trace(at: question.inputs).nodes.count > 400 {
                throw LiveError(400, "request: expression: the graph has over 400 nodes, too many to step through", field: "expression")
            }
            return question
        } catch let error as GradientQuestion.Problem {
            throw LiveError(400, "request: \(error.field == .expression ? "" : "\(error.field.rawValue): ")\(error.message)", field: error.field.rawValue)
        } catch let error as LiveError {
            throw error
        } catch {
            throw LiveError(400, "request: \(error)")
        }
    }
}
