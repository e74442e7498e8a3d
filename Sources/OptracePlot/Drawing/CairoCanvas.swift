import CCairo
import Foundation

/// A Cairo ARGB32 image surface plus context, drawn in figure units (`scale` device pixels per unit).
final class CairoCanvas {
    static let fontFamily = "DejaVu Sans"

    let surface: OpaquePointer
    let context: OpaquePointer
    let pixelWidth: Int
    let pixelHeight: Int
    let scale: Double
    let fonts: FontFaces

    init(pixelWidth: Int, pixelHeight: Int, scale: Double, fonts: FontFaces = FontFaces()) {
        self.fonts = fonts
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.scale = scale
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight))
        context = cairo_create(surface)
        cairo_scale(context, scale, scale)
        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    var stride: Int { Int(cairo_image_surface_get_stride(surface)) }

    /// Copies all pixels of `other` (same size) into this surface.
    func copyPixels(from other: CairoCanvas) {
        precondition(other.pixelWidth == pixelWidth && other.pixelHeight == pixelHeight)
        cairo_surface_flush(other.surface)
        cairo_surface_flush(surface)
        memcpy(cairo_image_surface_get_data(surface), cairo_image_surface_get_data(other.surface), stride * pixelHeight)
        cairo_surface_mark_dirty(surface)
    }

    /// Direct access to the premultiplied native-endian ARGB32 pixels (flushes before, marks dirty after).
    func withPixels(_ body: (UnsafeMutablePointer<UInt32>, _ rowLength: Int) -> Void) {
        cairo_surface_flush(surface)
        let data = cairo_image_surface_get_data(surface)!
        data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * pixelHeight) { body($0, stride / 4) }
        cairo_surface_mark_dirty(surface)
    }

    /// Paints premultiplied native-endian ARGB32 `pixels` (`width × height`, row-major, top row first) over the
    /// surface with their top-left corner at device pixel (`deviceX`, `deviceY`), ignoring the current transform.
    func paint(argb pixels: inout [UInt32], width: Int, height: Int, deviceX: Int, deviceY: Int) {
        precondition(pixels.count == width * height)
        guard width > 0 && height > 0 else { return }
        pixels.withUnsafeMutableBytes { raw in
            let image = cairo_image_surface_create_for_data(
                raw.baseAddress!.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32, Int32(width), Int32(height),
                Int32(width * 4))
            save()
            cairo_identity_matrix(context)
            cairo_set_source_surface(context, image, Double(deviceX), Double(deviceY))
            cairo_paint(context)
            restore()
            // Let go of the borrowed pixels before they move.
            cairo_surface_finish(image)
            cairo_surface_destroy(image)
        }
    }

    /// The surface as premultiplied RGBA bytes.
    func image() -> RGBAImage {
        cairo_surface_flush(surface)
        let data = cairo_image_surface_get_data(surface)!
        let rowLength = stride / 4
        var out = [UInt8](repeating: 0, count: pixelWidth * pixelHeight * 4)
        data.withMemoryRebound(to: UInt32.self, capacity: rowLength * pixelHeight) { src in
            out.withUnsafeMutableBytes { raw in
                // Native-endian ARGB32 (little-endian bytes B, G, R, A) → bytes R, G, B, A: swap R and B.
                let dst = raw.bindMemory(to: UInt32.self)
                var o = 0
                for y in 0..<pixelHeight {
                    let row = src + y * rowLength
                    for x in 0..<pixelWidth {
                        let v = row[x]
                        let argb = (v & 0xFF00_FF00) | ((v >> 16) & 0xFF) | ((v & 0xFF) << 16)
                        dst[o] = UInt32(littleEndian: argb)
                        o += 1
                    }
                }
            }
        }
        return RGBAImage(width: pixelWidth, height: pixelHeight, pixels: out)
    }

    // MARK: state

    func save() { cairo_save(context) }
    func restore() { cairo_restore(context) }

    func setColor(_ c: RGBColor) { cairo_set_source_rgba(context, c.red, c.green, c.blue, c.alpha) }
    func setLineWidth(_ w: Double) { cairo_set_line_width(context, w) }
    func setDash(_ pattern: [Double], offset: Double = 0) { cairo_set_dash(context, pattern, Int32(pattern.count), offset) }

    func clip(to r: Rect) {
        cairo_rectangle(context, r.x, r.y, r.width, r.height)
        cairo_clip(context)
    }

    // MARK: paths

    func moveTo(_ p: SIMD2<Double>) { cairo_move_to(context, p.x, p.y) }
    func lineTo(_ p: SIMD2<Double>) { cairo_line_to(context, p.x, p.y) }
    func closePath() { cairo_close_path(context) }
    func newPath() { cairo_new_path(context) }
    func rectangle(_ r: Rect) { cairo_rectangle(context, r.x, r.y, r.width, r.height) }

    func circle(_ c: SIMD2<Double>, radius: Double) {
        cairo_new_sub_path(context)
        cairo_arc(context, c.x, c.y, radius, 0, 2 * Double.pi)
    }

    func polyline(_ points: [SIMD2<Double>], closed: Bool = false) {
        guard let first = points.first else { return }
        moveTo(first)
        for p in points.dropFirst() { lineTo(p) }
        if closed { closePath() }
    }

    func roundedRect(_ r: Rect, radius: Double) {
        let rad = min(radius, r.width / 2, r.height / 2)
        cairo_new_sub_path(context)
        cairo_arc(context, r.maxX - rad, r.minY + rad, rad, -Double.pi / 2, 0)
        cairo_arc(context, r.maxX - rad, r.maxY - rad, rad, 0, Double.pi / 2)
        cairo_arc(context, r.minX + rad, r.maxY - rad, rad, Double.pi / 2, Double.pi)
        cairo_arc(context, r.minX + rad, r.minY + rad, rad, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(context)
    }

    func fill() { cairo_fill(context) }
    func fillPreserve() { cairo_fill_preserve(context) }
    func stroke() { cairo_stroke(context) }
    func strokePreserve() { cairo_stroke_preserve(context) }

    func fill(_ r: Rect, _ c: RGBColor) {
        setColor(c)
        rectangle(r)
        fill()
    }

    // MARK: text

    private func select(_ style: TextStyle) {
        if let face = style.bold ? fonts.bold : fonts.regular {
            cairo_set_font_face(context, face)
        } else {
            cairo_select_font_face(context, Self.fontFamily, CAIRO_FONT_SLANT_NORMAL,
                                   style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        }
        cairo_set_font_size(context, style.size)
    }

    /// Advance width of `text` in figure units.
    func measure(_ text: String, _ style: TextStyle) -> Double {
        select(style)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// Ascent of the font (figure units), for vertical centring.
    func ascent(_ style: TextStyle) -> Double {
        select(style)
        var extents = cairo_font_extents_t()
        cairo_font_extents(context, &extents)
        return extents.ascent
    }

    enum Alignment { case left, center, right }

    /// Draws `text` with its baseline at `y`, anchored at `x` according to `alignment`.
    func text(_ text: String, x: Double, y: Double, _ style: TextStyle, align: Alignment = .left) {
        guard !text.isEmpty else { return }
        select(style)
        var dx = 0.0
        if align != .left {
            var extents = cairo_text_extents_t()
            cairo_text_extents(context, text, &extents)
            dx = align == .center ? -extents.x_advance / 2 : -extents.x_advance
        }
        setColor(style.color)
        cairo_move_to(context, x + dx, y)
        cairo_show_text(context, text)
        cairo_new_path(context)
    }

    /// Draws `text` rotated 90° counter-clockwise, centred on (`x`, `y`) along its baseline.
    func verticalText(_ text: String, x: Double, y: Double, _ style: TextStyle) {
        save()
        cairo_translate(context, x, y)
        cairo_rotate(context, -Double.pi / 2)
        self.text(text, x: 0, y: 0, style, align: .center)
        restore()
    }

    /// Family name FreeType reports for the face Cairo resolved for `style` (used to verify DejaVu is really used).
    func resolvedFamilyName(_ style: TextStyle) -> String? {
        select(style)
        var name = [CChar](repeating: 0, count: 256)
        guard optrace_cairo_scaled_font_family(cairo_get_scaled_font(context), &name, name.count) > 0 else { return nil }
        return name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
