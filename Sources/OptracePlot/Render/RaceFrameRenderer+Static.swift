import Foundation

extension RaceFrameRenderer {
    func paintStatic(cancellation: Cancellation) throws(Cancelled) {
        let c = background
        let L = layout
        c.fill(Rect(x: 0, y: 0, width: designWidth, height: designHeight), style.background)
        c.text(L.title, x: style.margin, y: L.titleBaseline, style.title)
        for (k, line) in L.subtitleLines.enumerated() {
            c.text(line, x: style.margin, y: L.subtitleBaseline + Double(k) * L.subtitleLineHeight, style.subtitle)
        }
        try paintBands(cancellation: cancellation)
        try cancellation.check()
        paintIsoLines()
        paintAxes()
        paintColorBar()
        if !scene.racers.isEmpty { paintLegend() }
    }

    private func paintBands(cancellation: Cancellation) throws(Cancelled) {
        let r = layout.plot
        let k = background.scale
        let x0 = Int((r.minX * k).rounded()), y0 = Int((r.minY * k).rounded())
        let x1 = Int((r.maxX * k).rounded()), y1 = Int((r.maxY * k).rounded())
        let w = x1 - x0, h = y1 - y0
        guard w > 0, h > 0 else { return }
        let raster = try BandRaster(field: scene.field, scale: colorScale, width: w, height: h, cancellation: cancellation)
        // Relief follows the bilinear surface, whose slope jumps at cell edges: fade it out when cells span more
        // than about three pixels so coarse grids do not look faceted.
        let field = scene.field
        let fineness = min(1, Double(field.columns - 1) * 3 / Double(w), Double(field.rows - 1) * 3 / Double(h))
        let relief = try raster.reliefFactors(strength: scene.relief * fineness, cancellation: cancellation)
        try cancellation.check()
        let palette = (0..<colorScale.bandCount).map { colorScale.color(band: $0) }.map {
            SIMD3<Float>(Float($0.red), Float($0.green), Float($0.blue)) * 255
        }
        let (mr, mg, mb, _) = style.maskedFill.rgba8
        let masked = 0xFF00_0000 | UInt32(mr) << 16 | UInt32(mg) << 8 | UInt32(mb)
        background.withPixels { px, rowLength in
            raster.bands.withUnsafeBufferPointer { bands in
                relief.withUnsafeBufferPointer { shade in
                    for y in 0..<h {
                        let dst = px + (y0 + y) * rowLength + x0
                        let src = y * w
                        for x in 0..<w {
                            let b = Int(bands[src + x])
                            guard b >= 0 else {
                                dst[x] = masked
                                continue
                            }
                            let c = (palette[b] * shade[src + x]).clamped(lowerBound: .zero, upperBound: SIMD3(repeating: 255))
                            dst[x] = 0xFF00_0000 | UInt32(c.x.rounded()) << 16 | UInt32(c.y.rounded()) << 8 | UInt32(c.z.rounded())
                        }
                    }
                }
            }
        }
    }

    private func paintIsoLines() {
        let c = background
        let tracer = ContourTracer(field: scene.field)
        c.save()
        c.clip(to: layout.plot)
        c.setColor(style.isoLine)
        c.setLineWidth(style.isoLineWidth)
        for k in 1..<max(colorScale.bandCount, 1) {
            for line in tracer.lines(at: colorScale.edge(k)) {
                c.polyline(line.points.map(transform.apply), closed: line.isClosed)
            }
        }
        c.stroke()
        c.restore()
    }

    private func paintAxes() {
        let c = background
        let r = layout.plot
        let field = scene.field
        c.setColor(style.frame)
        c.setLineWidth(0.8)
        c.rectangle(r.insetBy(-0.4))
        c.stroke()
        let xTicks = TickLocator.linear(field.xRange, target: max(3, Int(r.width / 70)))
        let yTicks = TickLocator.linear(field.yRange, target: max(3, Int(r.height / 45)))
        c.setLineWidth(0.8)
        for t in xTicks {
            let x = transform.px(t.value)
            c.moveTo(SIMD2(x, r.maxY + 0.8)); c.lineTo(SIMD2(x, r.maxY + 0.8 + style.tickLength))
        }
        for t in yTicks {
            let y = transform.py(t.value)
            c.moveTo(SIMD2(r.minX - 0.8, y)); c.lineTo(SIMD2(r.minX - 0.8 - style.tickLength, y))
        }
        c.setColor(style.frame)
        c.stroke()
        for t in xTicks { c.text(t.label, x: transform.px(t.value), y: layout.xTickBaseline, style.tickLabel, align: .center) }
        let half = c.ascent(style.tickLabel) * 0.36
        for t in yTicks {
            c.text(t.label, x: r.minX - 0.8 - style.tickLength - 3, y: transform.py(t.value) + half, style.tickLabel, align: .right)
        }
        c.text(scene.xLabel, x: r.minX + r.width / 2, y: layout.xLabelBaseline, style.axisLabel, align: .center)
        c.verticalText(scene.yLabel, x: layout.yLabelX + 4, y: r.minY + r.height / 2, style.axisLabel)
    }

    private func paintColorBar() {
        let c = background
        let cb = layout.colorBar
        let n = colorScale.bandCount
        let bandHeight = cb.height / Double(n)
        for k in 0..<n {
            let top = cb.maxY - Double(k + 1) * bandHeight
            c.fill(Rect(x: cb.minX, y: top, width: cb.width, height: bandHeight + (k + 1 < n ? 0.5 : 0)), colorScale.color(band: k))
        }
        c.setColor(style.frame)
        c.setLineWidth(0.8)
        c.rectangle(cb.insetBy(-0.4))
        c.stroke()
        let norm = colorScale.normalization
        let half = c.ascent(style.tickLabel) * 0.36
        for t in RaceFrameRenderer.colorBarTicks(colorScale) {
            guard let u = norm(t.value), u >= -1e-9, u <= 1 + 1e-9 else { continue }
            let y = cb.maxY - u * cb.height
            let len = t.isMajor ? style.tickLength : style.tickLength * 0.55
            c.moveTo(SIMD2(cb.maxX + 0.8, y)); c.lineTo(SIMD2(cb.maxX + 0.8 + len, y))
            c.setColor(style.frame)
            c.stroke()
            if t.isMajor { c.text(t.label, x: layout.colorBarLabelX, y: y + half, style.tickLabel) }
        }
        let caption = colorScale.caption(valueLabel: scene.valueLabel)
        c.verticalText(caption, x: layout.colorBarCaptionX, y: cb.minY + cb.height / 2, style.tickLabel)
    }

    /// Minima go above the paths and the racers' markers (they are drawn per frame, last) with a light rim, so
    /// converging racers never hide them.
    func paintMinima(on c: CairoCanvas) {
        c.save()
        c.clip(to: layout.plot)
        for m in scene.minima {
            let p = transform.apply(m.point)
            guard p.x.isFinite, p.y.isFinite else { continue }
            if m.isGlobal {
                RaceMarkers.star(c, at: p, radius: 7.5, halo: true)
            } else {
                RaceMarkers.diamond(c, at: p, radius: 5, halo: true)
            }
        }
        c.restore()
    }

    /// Whether some racer's start ring is drawn (a finite start inside the plot).
    var showsStart: Bool {
        scene.racers.contains { r in
            guard let p0 = r.points.first, p0.x.isFinite, p0.y.isFinite else { return false }
            return layout.plot.contains(transform.apply(p0))
        }
    }

    /// Whether some frame points at a racer off the map (a finite kept point outside the plot).
    var leavesPlot: Bool {
        scene.racers.contains { r in
            r.points.contains { p in p.x.isFinite && p.y.isFinite && !layout.plot.contains(transform.apply(p)) }
        }
    }

    private func paintLegend() {
        let c = background
        let L = layout
        c.setColor(style.panelFill)
        c.roundedRect(L.table, radius: 5)
        c.fillPreserve()
        c.setColor(style.panelStroke)
        c.setLineWidth(0.8)
        c.stroke()
        let h = style.header
        c.text("#", x: L.rankRight, y: L.tableHeaderBaseline, h, align: .right)
        c.text("racer", x: L.swatchX, y: L.tableHeaderBaseline, h)
        let lossHeader = "loss at \(scene.stepName)"
        let lossHeaderRight = L.stepRight - L.stepValueWidth - 4
        c.text(lossHeader, x: lossHeaderRight, y: L.stepBaseline, h, align: .right)
        // The key, right to left from the loss header: minima, then the frame's own marks, each only when the
        // picture shows it; a key that would reach the "racer" header is left out.
        var keyX = lossHeaderRight - c.measure(lossHeader, h) - 30
        let keyY = L.tableHeaderBaseline - 3.5
        let keyMinX = L.swatchX + c.measure("racer", h) + 12
        func key(_ label: String, _ mark: (SIMD2<Double>) -> Void) {
            let w = c.measure(label, h)
            guard keyX - w - 16 >= keyMinX else { return }
            keyX -= w
            c.text(label, x: keyX, y: L.tableHeaderBaseline, h)
            mark(SIMD2(keyX - 9, keyY))
            keyX -= 26
        }
        if scene.minima.contains(where: { !$0.isGlobal }) {
            key("local minimum") { RaceMarkers.diamond(c, at: $0, radius: 4) }
        }
        if scene.minima.contains(where: \.isGlobal) {
            key(scene.globalMinimumLabel) { RaceMarkers.star(c, at: $0, radius: 5.5) }
        }
        if scene.racers.contains(where: { $0.divergedAtStep != nil }) {
            key("diverged") { RaceMarkers.cross(c, at: $0, color: style.faintInk, radius: 3.5) }
        }
        if leavesPlot {
            key("off the map") { RaceMarkers.offMap(c, border: $0 + SIMD2(4, 0), towards: SIMD2(1, 0), color: style.faintInk) }
        }
        if showsStart {
            key("start") { RaceMarkers.start(c, at: $0) }
        }
        // Where f is not a finite number the plot is left in a flat grey: say so.
        if scene.field.values.contains(where: { !$0.isFinite }) {
            key("f undefined") { p in
                let swatch = Rect(x: p.x - 5, y: p.y - 4.5, width: 9, height: 9)
                c.fill(swatch, style.maskedFill)
                c.setColor(style.panelStroke)
                c.setLineWidth(0.8)
                c.rectangle(swatch)
                c.stroke()
            }
        }
        for (i, racer) in scene.racers.enumerated() {
            let (column, y) = L.row(i)
            let mid = y - 3.8
            let racerStyle = styles[i]
            let color = racerStyle.color
            c.setDash(racerStyle.dash.pattern)
            c.setLineWidth(style.casingWidth)
            c.setColor(RacerPalette.casing(for: color))
            c.moveTo(SIMD2(column.swatchX, mid)); c.lineTo(SIMD2(column.swatchX + 22, mid))
            c.stroke()
            c.setLineWidth(style.pathWidth)
            c.setColor(color)
            c.moveTo(SIMD2(column.swatchX, mid)); c.lineTo(SIMD2(column.swatchX + 22, mid))
            c.stroke()
            c.setDash([])
            RaceMarkers.position(c, at: SIMD2(column.swatchX + 11, mid), color: color, radius: 3.6, shape: racerStyle.marker)
            // Long labels are clipped before the loss column.
            c.save()
            c.clip(to: Rect(x: column.legendX, y: y - 14, width: max(0, column.legendRight - column.legendX), height: L.rowHeight))
            var x = column.legendX
            var rest = racer.legendLabel
            if rest.hasPrefix(racer.name) {
                c.text(racer.name, x: x, y: y, style.name)
                x += c.measure(racer.name, style.name)
                rest = String(rest.dropFirst(racer.name.count))
            }
            c.text(rest, x: x, y: y, style.detail)
            c.restore()
        }
    }
}
