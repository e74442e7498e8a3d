/// One axis tick: its data value, whether it is labelled (major), and its label.
public struct Tick: Sendable, Hashable {
    public var value: Double
    public var isMajor: Bool
    public var label: String

    public init(value: Double, isMajor: Bool, label: String) {
        self.value = value
        self.isMajor = isMajor
        self.label = label
    }
}
