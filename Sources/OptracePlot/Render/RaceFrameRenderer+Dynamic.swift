import Foundation

extension RaceFrameRenderer {
    /// Runs of figure-space points for `racer` between kept points `from` and `to` (steps, unless the track is
    /// strided), clipped just outside the plot.
    func pathRuns(_ racer: RacerTrack, from: Int, to: Int) -> [[SIMD2<Double>]] {
        let hi = min(to, racer.points.count - 1)
        let lo = max(0, from)
        guard hi > lo else { return [] }
        let pts = racer.points[lo...hi].map(transform.apply)
        return SegmentClipper.runs(pts, in: layout.plot.insetBy(-4))
    }

    /// Steps of path drawn between two looks at a `Cancellation`.
    static let stepsPerCheck = 256

    /// Brings the trail layer to `step`: from scratch when going backwards, then one kept step at a time. A stop
    /// leaves the layer consistent (complete up to `trailStep`).
    func advanceTrail(to step: Int, cancellation: Cancellation = .never) throws(Cancelled) {
        if step < trailStep {
            trail.copyPixels(from: background)
            trailStep = 0
        }
        guard step > trailStep else { return }
        let c = trail
        c.save()
        defer { c.restore() }
        c.clip(to: layout.plot)
        var drawn = 0
        while trailStep < step {
            if drawn % Self.stepsPerCheck == 0 { try cancellation.check() }
            drawn += 1
            trailStep = nextTrailStep(after: trailStep, upTo: step)
            drawTrailSegment(trailStep, on: c)
        }
    }

    /// The next step after `step` (at most `limit`) at which some racer has a kept point: `step + 1` unless strided.
    private func nextTrailStep(after step: Int, upTo limit: Int) -> Int {
        var next = limit
        for racer in scene.racers {
            guard racer.isStrided else { return step + 1 }
            if step < racer.lastStep { next = min(next, racer.lastStep, (step / racer.stride + 1) * racer.stride) }
        }
        return max(next, step + 1)
    }

    /// The segment of every racer that ends at `step` (points k−1 → k, k the kept point at `step`): casing, then
    /// colour over segments k−1 and k so the casing never cuts into the previous segment, then the dot marking
    /// iterate k−1.
    private func drawTrailSegment(_ step: Int, on c: CairoCanvas) {
        for (i, racer) in scene.racers.enumerated() {
            let k: Int
            if !racer.isStrided {
                k = step
            } else {
                guard racer.keeps(step: step) else { continue }
                k = racer.index(atOrBefore: step)
            }
            guard k < racer.points.count else { continue }
            let color = styles[i].color
            if styles[i].dash != .solid {
                drawDashed(racer: i, from: k - 1, to: k, color: RacerPalette.casing(for: color), width: style.casingWidth, on: c)
                drawDashed(racer: i, from: k - 2, to: k, color: color, width: style.pathWidth, on: c)
                continue
            }
            let current = pathRuns(racer, from: k - 1, to: k)
            guard !current.isEmpty else { continue }
            for r in current { c.polyline(r) }
            c.setColor(RacerPalette.casing(for: color))
            c.setLineWidth(style.casingWidth)
            c.stroke()
            for r in pathRuns(racer, from: k - 2, to: k) { c.polyline(r) }
            c.setColor(color)
            c.setLineWidth(style.pathWidth)
            c.stroke()
            if k >= 2 {
                let p = transform.apply(racer.points[k - 1])
                if p.x.isFinite, p.y.isFinite, layout.plot.insetBy(-3).contains(p) {
                    c.circle(p, radius: 1.5)
                    c.fill()
                }
            }
        }
    }

    /// Strokes racer `index`'s kept points `from` → `to` with its dash pattern, one segment per stroke, each
    /// started at its phase along the whole path so the pattern runs on across segments (no iterate dots: they
    /// would fill the gaps).
    func drawDashed(racer index: Int, from: Int, to: Int, color: RGBColor, width: Double, on c: CairoCanvas) {
        let racer = scene.racers[index]
        let hi = min(to, racer.points.count - 1)
        guard hi > max(0, from) else { return }
        let pattern = styles[index].dash.pattern
        let period = pattern.reduce(0, +)
        let lengths = arcLengths[index]
        let bounds = layout.plot.insetBy(-4)
        c.setColor(color)
        c.setLineWidth(width)
        for j in max(0, from)..<hi {
            let a = transform.apply(racer.points[j]), b = transform.apply(racer.points[j + 1])
            guard let (ca, cb) = SegmentClipper.clip(a, b, to: bounds) else { continue }
            let d = ca - a
            let into = (d.x * d.x + d.y * d.y).squareRoot()
            let phase = (lengths[j] + (into.isFinite ? into : 0)).truncatingRemainder(dividingBy: period)
            c.setDash(pattern, offset: phase.isFinite ? phase : 0)
            c.moveTo(ca)
            c.lineTo(cb)
            c.stroke()
        }
        c.setDash([])
    }

    /// Only the last `tail` steps, each segment fading with its age; casings first so a newer segment's colour is
    /// never covered.
    func paintFadingPaths(step: Int, tail: Int, cancellation: Cancellation = .never) throws(Cancelled) {
        let c = frame
        c.save()
        defer { c.restore() }
        c.clip(to: layout.plot)
        for (i, racer) in scene.racers.enumerated() {
            let color = styles[i].color
            let casing = RacerPalette.casing(for: color)
            let first = racer.index(atOrBefore: max(0, step - tail))
            for pass in 0..<2 {
                for k in first..<max(first, min(racer.index(atOrBefore: step), racer.points.count - 1)) {
                    if (k - first) % Self.stepsPerCheck == 0 { try cancellation.check() }
                    let alpha = 0.12 + 0.88 * max(0.0, 1 - Double(step - racer.step(ofIndex: k + 1)) / Double(tail))
                    if styles[i].dash != .solid {
                        let ink = pass == 0 ? casing.withAlpha(casing.alpha * alpha) : color.withAlpha(alpha)
                        drawDashed(racer: i, from: k, to: k + 1, color: ink,
                                   width: pass == 0 ? style.casingWidth : style.pathWidth, on: c)
                        continue
                    }
                    for run in pathRuns(racer, from: k, to: k + 1) {
                        c.polyline(run)
                        if pass == 0 {
                            c.setColor(casing.withAlpha(casing.alpha * alpha))
                            c.setLineWidth(style.casingWidth)
                        } else {
                            c.setColor(color.withAlpha(alpha))
                            c.setLineWidth(style.pathWidth)
                        }
                        c.stroke()
                    }
                }
            }
        }
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
                    RaceMarkers.cross(c, at: p, color: styles[i].color, radius: 5)
                } else {
                    RaceMarkers.position(c, at: p, color: styles[i].color, radius: style.markerRadius, shape: styles[i].marker)
                }
            } else {
                // Point towards it from where the line from the plot centre leaves the plot.
                let centre = SIMD2(plot.minX + plot.width / 2, plot.minY + plot.height / 2)
                if let (_, exit) = SegmentClipper.clip(centre, p, to: plot) {
                    RaceMarkers.offMap(c, border: exit, towards: p - centre, color: styles[i].color)
                }
                // A racer that flew off and diverged: its × at the last point it had on the map.
                if diverged, let q = lastPointOnMap(racer, before: k) {
                    RaceMarkers.cross(c, at: q, color: styles[i].color, radius: 5)
                }
            }
        }
        c.restore()
    }

    /// The figure position of `racer`'s last kept point before index `k` inside the plot, if any.
    func lastPointOnMap(_ racer: RacerTrack, before k: Int) -> SIMD2<Double>? {
        var j = min(k, racer.points.count) - 1
        while j >= 0 {
            let q = transform.apply(racer.points[j])
            if q.x.isFinite, q.y.isFinite, layout.plot.contains(q) { return q }
            j -= 1
        }
        return nil
    }

    func paintScoreboard(step: Int) {
        let c = frame
        let L = layout
        let shown = min(step, lastStep)
        c.text("\(shown) / \(lastStep)", x: L.stepRight, y: L.stepBaseline, style.stepValue, align: .right)
        let losses: [Double?] = scene.racers.map { r in
            guard !r.isDiverged(at: shown), let l = r.loss(at: shown), l.isFinite else { return nil }
            return l
        }
        let ranks = StandingRanks.ranks(losses)
        for (i, racer) in scene.racers.enumerated() {
            let (column, y) = L.row(i)
            if racer.isDiverged(at: shown) {
                c.text("diverged", x: column.lossRight, y: y, TextStyle(size: 11, bold: true, color: style.divergedInk), align: .right)
                c.text("–", x: column.rankRight, y: y, style.detail, align: .right)
            } else if let l = losses[i], let rank = ranks[i] {
                c.text(TickFormatter.loss(l), x: column.lossRight, y: y, style.value, align: .right)
                c.text("\(rank)", x: column.rankRight, y: y, rank == 1 ? style.name : style.value, align: .right)
            } else {
                c.text("—", x: column.lossRight, y: y, style.detail, align: .right)
            }
        }
    }
}
