/// The categorical colours for racers: Okabe–Ito, reordered so the first picks stand apart from viridis, magma and cividis bands.
///
/// Paths are additionally drawn over a thin dark casing so they read on light and dark bands alike.
public enum RacerPalette {
    /// Okabe–Ito: orange, reddish purple, sky blue, vermillion, yellow, blue, bluish green.
    public static let okabeIto: [RGBColor] = [
        RGBColor(hex: 0xE69F00),
        RGBColor(hex: 0xCC79A7),
        RGBColor(hex: 0x56B4E9),
        RGBColor(hex: 0xD55E00),
        RGBColor(hex: 0xF0E442),
        RGBColor(hex: 0x0072B2),
        RGBColor(hex: 0x009E73),
    ]

    /// Colour for the racer at `index` (cycling).
    public static func color(_ index: Int) -> RGBColor {
        okabeIto[((index % okabeIto.count) + okabeIto.count) % okabeIto.count]
    }
}
