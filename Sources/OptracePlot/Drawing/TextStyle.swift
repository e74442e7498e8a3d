/// Font size (in figure units), weight and colour for a run of text in DejaVu Sans.
struct TextStyle: Sendable, Hashable {
    var size: Double
    var bold: Bool
    var color: RGBColor

    init(size: Double, bold: Bool = false, color: RGBColor = RGBColor(hex: 0x222222)) {
        self.size = size
        self.bold = bold
        self.color = color
    }
}
