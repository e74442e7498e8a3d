/// The colour names a racer's `color:` takes: the eight Okabe–Ito colours (the pictures' seven and black) by their usual names.
enum RacerColorNames {
    /// Name and `#rrggbb`, in the palette's order.
    static let all: [(name: String, hex: String)] = [
        ("orange", "#e69f00"),
        ("reddish_purple", "#cc79a7"),
        ("sky_blue", "#56b4e9"),
        ("blue", "#0072b2"),
        ("vermillion", "#d55e00"),
        ("yellow", "#f0e442"),
        ("bluish_green", "#009e73"),
        ("black", "#000000"),
    ]

    /// Dash names a racer's `dash:` takes.
    static let dashes = ["solid", "dashed", "dotted", "dashdot"]

    /// `text` as a colour choice: a palette name (lowercased) or `#rrggbb` (lowercased); nil if neither.
    static func normalized(_ text: String) -> String? {
        let lowered = text.lowercased()
        if all.contains(where: { $0.name == lowered }) { return lowered }
        guard lowered.count == 7, lowered.hasPrefix("#"),
              lowered.dropFirst().allSatisfy({ $0.isHexDigit && $0.isASCII }) else { return nil }
        return lowered
    }

    /// The 24-bit value of a normalized colour choice.
    static func rgb(_ choice: String) -> UInt32? {
        let hex = all.first(where: { $0.name == choice })?.hex ?? choice
        guard hex.hasPrefix("#") else { return nil }
        return UInt32(hex.dropFirst(), radix: 16)
    }
}
