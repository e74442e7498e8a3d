import OptraceCore
import Yams

/// YAML nodes as JSON values: plain scalars that read as numbers, `true`/`false` or `null` become those; other
/// scalars stay text.
public enum YAMLJSON {
    public static func json(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.string) }
            switch scalar.string {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            case "null", "Null", "NULL", "~", "": return .null
            default:
                if let whole = Int(scalar.string) { return .integer(whole) }
                if let whole = UInt64(scalar.string) { return .unsigned(whole) }
                if let number = Double(scalar.string), number.isFinite { return .number(number) }
                return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .array(sequence.map(json))
        case .mapping(let mapping):
            return .object(mapping.map { (key: $0.key.string ?? "", value: json($0.value)) })
        }
    }
}
