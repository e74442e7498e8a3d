import Foundation

extension RaceFrameRenderer {
    /// Runs of figure-space points for `racer` between steps `from` and `to`, clipped just outside the plot.
    func pathRuns(_ racer: RacerTrack, from: Int, to: Int) -> [[SIMD2<Double>]] {
        let hi = min(to, racer.points.count - 1)
        let lo = max(0, from)
        guard hi > lo else { return [] }
        let pts = racer.points[lo...hi].map(transform.apply)
        return SegmentClipper.runs(pts, in: layout.plot.insetBy(-4))
    }

    func paintPaths(step: Int, fadingTail: Int?) {
        let c = frame
        c.save()
        c.clip(to: layout.plot)
        for (i, racer) in scene.racers.enumerated() {
            let color = colors[i]
            if let tail = fadingTail, tail > 0 {
                // Each segment fades with its age; casings first so a newer segment's colour is never covered.
                let first = max(0, step - tail)
                for pass in 0..<2 {
                    for k in first..<max(first, min(step, racer.points.count - 1)) {
                        let age = Double(step - (k + 1)) / Double(tail)
                        let alpha = max(0.0, 1 - age)
                        for run in pathRuns(racer, from: k, to: k + 1) {
                            c.polyline(run)
                            if pass == 0 {
                                c.setColor(RacerPalette.casing(for: color).withAlpha(RacerPalette.casing(for: color).alpha * alpha))
                                c.setLineWidth(style.casingWidth)
                            } else {
                                c.setColor(color.withAlpha(alpha))
                                c.setLineWidth(style.pathWidth)
                            }
                            c.stroke()
                        }
                    }
                }
            } else {
                let runs = pathRuns(racer, from: 0, to: step)
                for r in runs { c.polyline(r) }
                c.setColor(RacerPalette.casing(for: color))
                c.setLineWidth(style.casingWidth)
                c.stroke()
                for r in runs { c.polyline(r) }
                c.setColor(color)
                c.setLineWidth(style.pathWidth)
                c.stroke()
                // Iterates as small dots: step sizes stay readable.
                let hi = min(step, racer.points.count - 1)
                if hi >= 1 {
                    for k in 1..<hi {
                        let p = transform.apply(racer.points[k])
                        if p.x.isFinite, p.y.isFinite, layout.plot.insetBy(-3).contains(p) { c.circle(p, radius: 1.5) }
                    }
                    c.setColor(color)
                    c.fill()
                }
            }
        }
        c.restore()
    }

    func paintMarkers(step: Int) {
        let c = frame
        let plot = layout.plot
        c.save()
        c.clip(to: plot.insetBy(-8))
        var starts: [SIMD2<Double>] = []
        for racer in scene.racers {
            guard let p0 = racer.points.first, p0.x.isFinite, p0.y.isFinite else { continue }
            let p = transform.apply(p0)
            if plot.contains(p), !starts.contains(where: { abs($0.x - p.x) < 0.5 && abs($0.y - p.y) < 0.5 }) {
                starts.append(p)
                RaceMarkers.start(c, at: p)
            }
        }
        for (i, racer) in scene.racers.enumerated() {
            guard let k = racer.lastFiniteIndex(upTo: step) else { continue }
            let p = transform.apply(racer.points[k])
            let diverged = racer.isDiverged(at: step)
            if plot.contains(p) {
                if diverged {
                    RaceMarkers.cross(c, at: p, color: colors[i], radius: 5)
                } else {
                    RaceMarkers.position(c, at: p, color: colors[i], radius: style.markerRadius)
                }
            } else {
                // Point towards it from where the line from the plot centre leaves the plot.
                let centre = SIMD2(plot.minX + plot.width / 2, plot.minY + plot.height / 2)
                if let (_, exit) = SegmentClipper.clip(centre, p, to: plot) {
                    RaceMarkers.offMap(c, border: exit, towards: p - centre, color: colors[i])
                }
            }
        }
        c.restore()
    }

    func paintScoreboard(step: Int) {
        let c = frame
        let L = layout
        let shown = min(step, lastStep)
        c.text("\(shown) / \(lastStep)", x: L.stepRight, y: L.titleBaseline, style.stepValue, align: .right)
        let losses: [Double?] = scene.racers.map { r in
            guard !r.isDiverged(at: shown), let l = r.loss(at: shown), l.isFinite else { return nil }
            return l
        }
        for (i, racer) in scene.racers.enumerated() {
            let y = L.firstRowBaseline + Double(i) * L.rowHeight
            if racer.isDiverged(at: shown) {
                c.text("diverged", x: L.lossRight, y: y, TextStyle(size: 11, bold: true, color: style.divergedInk), align: .right)
                c.text("–", x: L.rankRight, y: y, style.detail, align: .right)
            } else if let l = losses[i] {
                let rank = 1 + losses.filter { ($0 ?? .infinity) < l }.count
                c.text(TickFormatter.loss(l), x: L.lossRight, y: y, style.value, align: .right)
                c.text("\(rank)", x: L.rankRight, y: y, rank == 1 ? style.name : style.value, align: .right)
            } else {
                c.text("—", x: L.lossRight, y: y, style.detail, align: .right)
            }
        }
    }
}
