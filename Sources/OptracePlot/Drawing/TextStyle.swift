/// Font size (in figure units), weight and colour for a run of text in DejaVu Sans.
public struct TextStyle: Sendable, Hashable {
    public var size: Double
    public var bold: Bool
    public var color: RGBColor

    public init(size: Double, bold: Bool = false, color: RGBColor = RGBColor(hex: 0x222222)) {
        self.size = size
        self.bold = bold
        self.color = color
    }
}
