/// How one racer is drawn: path colour, dash pattern and position-marker shape.
public struct RacerStyle: Sendable, Hashable {
    public var color: RGBColor
    public var dash: PathDash
    public var marker: MarkerShape

    public init(color: RGBColor, dash: PathDash = .solid, marker: MarkerShape = .circle) {
        self.color = color
        self.dash = dash
        self.marker = marker
    }
}
