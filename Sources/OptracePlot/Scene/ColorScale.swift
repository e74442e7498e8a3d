import Foundation

/// How field values become band colours: a normalisation (of the loss above a floor on log scales), band edges and colours.
///
/// Log scale: when a floor `f*` is given (the lowest known minimum of the surface) the normalised quantity is `f − f*`,
/// a true distance above the minimum, and the colour bar says so ("loss − f*"). Without a floor, a field whose minimum
/// `m` is ≤ 0 uses `m` itself as the floor ("loss − m", m the lowest value on the map); a positive field is coloured by
/// its loss as it is. The lowest band starts at `max(min(f) − f*, δ)`, where `δ` is `10⁻³ · (max − min)` rounded down to
/// a power of ten (1 when the field is flat): values closer to the floor than `δ` (the minimum itself) join the
/// lowest band.
public struct ColorScale: Sendable {
    public let normalization: Normalization
    /// Added to field values before normalising: `−floor`, or 0.
    public let offset: Double
    /// The value subtracted before normalising on a log scale (`nil`: none, the loss is coloured as it is).
    public let floor: Double?
    /// Whether `floor` is the lowest value on the map (no minimum of the surface was known) rather than a known `f*`.
    public let floorIsSampled: Bool
    public let bandCount: Int
    public let colormap: Colormap

    public init(field: Field, logScale: Bool, bandCount: Int, colormap: Colormap, floor knownFloor: Double? = nil) {
        let (lo, hi) = field.finiteExtent ?? (0, 1)
        self.bandCount = max(1, bandCount)
        self.colormap = colormap
        if logScale {
            let floor = knownFloor.flatMap { $0.isFinite ? $0 : nil } ?? (lo <= 0 ? lo : nil)
            self.floor = floor
            floorIsSampled = floor != nil && (knownFloor.map { !$0.isFinite } ?? true)
            if let floor {
                let delta = hi > lo ? pow(10, ((hi - lo) * 1e-3).log10Floor) : 1
                let bottom = max(lo - floor, delta)
                offset = -floor
                normalization = .log(vmin: bottom, vmax: hi - floor > bottom ? hi - floor : bottom * 10)
            } else {
                offset = 0
                // A flat field gets one decade so the normalisation stays defined.
                normalization = .log(vmin: lo, vmax: hi > lo ? hi : lo * 10)
            }
        } else {
            floor = nil
            floorIsSampled = false
            offset = 0
            normalization = .linear(vmin: lo, vmax: hi > lo ? hi : lo + 1)
        }
    }

    /// Normalised position of a field value, unclamped; values at or below the floor go to the bottom (0).
    /// `nil` when masked/NaN.
    public func normalized(_ value: Double) -> Double? {
        let v = value + offset
        if normalization.isLog && v <= 0 && value.isFinite { return 0 }
        return normalization(v)
    }

    /// Band index of a field value, or `nil` when masked/NaN.
    public func band(_ value: Double) -> Int? {
        guard let t = normalized(value), !t.isNaN else { return nil }
        let k = Int((t * Double(bandCount)).rounded(.down).clamped(-1, Double(bandCount)))
        return min(max(k, 0), bandCount - 1)
    }

    /// Field value (the loss itself, not `f − f*`) at the edge between band `k − 1` and band `k`, for k in 0…bandCount.
    public func edge(_ k: Int) -> Double {
        normalization.inverse(Double(k) / Double(bandCount)) - offset
    }

    /// Colour of band `k`: the colormap at the band's centre.
    public func color(band k: Int) -> RGBColor {
        colormap.color(at: (Double(k) + 0.5) / Double(bandCount))!
    }

    /// The colour bar's title: the quantity its ticks label (`f − f*` values are true distances above `f*`).
    public func caption(valueLabel: String) -> String {
        var caption = valueLabel
        if let floor, floor != 0 {
            let f = TickFormatter.short(floor)
            caption += floorIsSampled ? " − m (m = \(f), lowest on the map)" : " − f* (f* = \(f))"
        }
        if normalization.isLog { caption += ", log scale" }
        return caption
    }
}

extension Double {
    /// ⌊log₁₀ self⌋ for a positive finite value.
    var log10Floor: Double { Foundation.log10(self).rounded(.down) }

    func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(Swift.max(self, lo), hi) }
}
