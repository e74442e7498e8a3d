import Foundation

/// How field values become band colours: a normalisation (with an optional shift for log scales), band edges and colours.
///
/// Log scale with a field minimum `m ≤ 0`: values are shifted by `offset = −m + δ`, where `δ` is
/// `10⁻³ · (max − m)` rounded down to a power of ten (1 when the field is flat), so the lowest value
/// maps to `δ > 0` and the colour bar is labelled with the shifted quantity ("loss + offset"; for a
/// surface whose minimum is 0 that reads "loss + 1" or "loss + 0.1"). With `m > 0` there is no shift.
public struct ColorScale: Sendable {
    public let normalization: Normalization
    /// Added to field values before normalising.
    public let offset: Double
    public let bandCount: Int
    public let colormap: Colormap

    public init(field: Field, logScale: Bool, bandCount: Int, colormap: Colormap) {
        let (lo, hi) = field.finiteExtent ?? (0, 1)
        self.bandCount = max(1, bandCount)
        self.colormap = colormap
        if logScale {
            var shift = 0.0
            if lo <= 0 {
                let delta = hi > lo ? pow(10, ((hi - lo) * 1e-3).log10Floor) : 1
                shift = -lo + delta
            }
            offset = shift
            // A flat field gets one decade so the normalisation stays defined.
            normalization = .log(vmin: lo + shift, vmax: hi > lo ? hi + shift : (lo + shift) * 10)
        } else {
            offset = 0
            normalization = .linear(vmin: lo, vmax: hi > lo ? hi : lo + 1)
        }
    }

    /// Band index of a field value, or `nil` when masked/NaN.
    public func band(_ value: Double) -> Int? {
        guard let t = normalization(value + offset), !t.isNaN else { return nil }
        let k = Int((t * Double(bandCount)).rounded(.down).clamped(-1, Double(bandCount)))
        return min(max(k, 0), bandCount - 1)
    }

    /// Field value (unshifted) at the edge between band `k − 1` and band `k`, for k in 0…bandCount.
    public func edge(_ k: Int) -> Double {
        normalization.inverse(Double(k) / Double(bandCount)) - offset
    }

    /// Colour of band `k`: the colormap at the band's centre.
    public func color(band k: Int) -> RGBColor {
        colormap.color(at: (Double(k) + 0.5) / Double(bandCount))!
    }
}

extension Double {
    /// ⌊log₁₀ self⌋ for a positive finite value.
    var log10Floor: Double { Foundation.log10(self).rounded(.down) }

    func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(Swift.max(self, lo), hi) }
}
