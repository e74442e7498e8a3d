/// The categorical colours for racers: Okabe–Ito, reordered so the first picks stand apart from viridis, magma and cividis bands.
///
/// Past seven racers the colours repeat with another dash pattern and marker shape (see `style(_:)`).
///
/// Paths are drawn over a thin casing (dark under light colours, white under dark ones, see `casing(for:)`) so
/// they read on light and dark bands alike.
public enum RacerPalette {
    /// Okabe–Ito: orange, reddish purple, sky blue, blue, vermillion, yellow, bluish green (neighbours differ in hue and lightness).
    public static let okabeIto: [RGBColor] = [
        RGBColor(hex: 0xE69F00),
        RGBColor(hex: 0xCC79A7),
        RGBColor(hex: 0x56B4E9),
        RGBColor(hex: 0x0072B2),
        RGBColor(hex: 0xD55E00),
        RGBColor(hex: 0xF0E442),
        RGBColor(hex: 0x009E73),
    ]

    /// The style of the racer at `index`: the colours in order, then again dashed with squares, dotted with
    /// triangles, dash-dot with diamonds, so 28 racers get 28 distinct (colour, dash, marker) combinations.
    public static func style(_ index: Int) -> RacerStyle {
        let i = max(0, index)
        let round = (i / okabeIto.count) % PathDash.allCases.count
        return RacerStyle(color: color(i), dash: PathDash.allCases[round], marker: MarkerShape.allCases[round])
    }

    /// Colour for the racer at `index` (cycling).
    public static func color(_ index: Int) -> RGBColor {
        okabeIto[((index % okabeIto.count) + okabeIto.count) % okabeIto.count]
    }

    /// The casing colour under a path of colour `c`: translucent white for dark colours, translucent near-black otherwise.
    public static func casing(for c: RGBColor) -> RGBColor {
        c.luminance < 0.18 ? RGBColor(red: 1, green: 1, blue: 1, alpha: 0.75) : RGBColor(red: 0.06, green: 0.06, blue: 0.08, alpha: 0.62)
    }
}
