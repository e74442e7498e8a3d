extension FigureStyle {
    /// A canvas for a `width × height` figure at pixel `scale`, cleared to the background with the title and
    /// subtitle drawn (each shortened with "…" to the width); `shrink` (≤ 1) lays the figure out larger and scales it down to fit, for small figures.
    func titledCanvas(width: Double, height: Double, scale: Double, shrink: Double = 1, title: String, subtitle: String) -> CairoCanvas {
        let c = CairoCanvas(
            pixelWidth: max(1, Int((width * scale).rounded())), pixelHeight: max(1, Int((height * scale).rounded())),
            scale: scale * shrink)
        c.fill(Rect(x: 0, y: 0, width: width / shrink, height: height / shrink), background)
        let textWidth = width / shrink - 2 * margin
        let titleStyle = self.title, subtitleStyle = self.subtitle
        c.text(TextFit.shortened(title, width: textWidth) { c.measure($0, titleStyle) }, x: margin, y: margin + 12, titleStyle)
        c.text(TextFit.shortened(subtitle, width: textWidth) { c.measure($0, subtitleStyle) }, x: margin, y: margin + 29, subtitleStyle)
        return c
    }
}
