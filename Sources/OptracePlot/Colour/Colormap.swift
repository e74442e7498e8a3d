/// A continuous colormap: a 256-entry lookup table sampled with linear interpolation (matplotlib's `ListedColormap` data).
public struct Colormap: Sendable, Hashable {
    /// Name as matplotlib spells it.
    public let name: String
    /// 256 × (r, g, b) components in [0, 1].
    let table: [Double]

    init(name: String, table: [Double]) {
        precondition(table.count % 3 == 0 && table.count >= 6)
        self.name = name
        self.table = table
    }

    public static let viridis = Colormap(name: "viridis", table: ColormapTables.viridis)
    public static let magma = Colormap(name: "magma", table: ColormapTables.magma)
    public static let cividis = Colormap(name: "cividis", table: ColormapTables.cividis)
    public static let gray = Colormap(name: "gray", table: [0, 0, 0, 1, 1, 1])

    /// All built-in colormaps.
    public static let all: [Colormap] = [.viridis, .magma, .cividis, .gray]

    /// Looks a built-in colormap up by name (case-insensitive).
    public static func named(_ name: String) -> Colormap? {
        all.first { $0.name == name.lowercased() }
    }

    /// Number of entries in the table.
    public var entryCount: Int { table.count / 3 }

    /// Table entry `index` exactly as stored.
    public func entry(_ index: Int) -> RGBColor {
        RGBColor(red: table[3 * index], green: table[3 * index + 1], blue: table[3 * index + 2])
    }

    /// Colour at `t` in [0, 1] (clamped), linearly interpolated between table entries; NaN gives `nil`.
    public func color(at t: Double) -> RGBColor? {
        guard !t.isNaN else { return nil }
        let n = entryCount
        let x = min(max(t, 0), 1) * Double(n - 1)
        let i = min(Int(x), n - 2)
        let f = x - Double(i)
        let a = 3 * i, b = a + 3
        return RGBColor(
            red: table[a] + (table[b] - table[a]) * f,
            green: table[a + 1] + (table[b + 1] - table[a + 1]) * f,
            blue: table[a + 2] + (table[b + 2] - table[a + 2]) * f)
    }
}
