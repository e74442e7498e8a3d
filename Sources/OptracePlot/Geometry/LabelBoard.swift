/// Where a figure's labels go: each takes the first of its candidate boxes that lies inside the bounds and
/// overlaps no label already placed nor any reserved mark (a ring, a cross); geometry only, it never draws.
public final class LabelBoard {
    /// The area labels must stay in.
    public let bounds: Rect
    /// The boxes of the labels placed so far, in order.
    public private(set) var labels: [Rect] = []
    /// The boxes of the marks labels must not cover.
    public private(set) var reserved: [Rect] = []

    public init(bounds: Rect) { self.bounds = bounds }

    /// Keeps labels off `box` (a marker).
    public func reserve(_ box: Rect) { reserved.append(box) }

    /// Takes the first candidate box that is inside the bounds and free; when none is, the candidate (moved
    /// inside the bounds) that overlaps the others least. Returns the box taken.
    @discardableResult
    public func place(_ candidates: [Rect]) -> Rect {
        precondition(!candidates.isEmpty)
        let inside = candidates.map(clamped)
        let taken = inside.enumerated().min { a, b in
            let (ca, cb) = (cost(a.element, moved: a.element != candidates[a.offset]), cost(b.element, moved: b.element != candidates[b.offset]))
            return ca != cb ? ca < cb : a.offset < b.offset
        }!.element
        labels.append(taken)
        return taken
    }

    /// Whether two boxes share any area.
    public static func overlap(_ a: Rect, _ b: Rect) -> Bool {
        a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
    }

    /// Area covered by other boxes, with a small penalty for a box that had to be moved inside the bounds.
    private func cost(_ box: Rect, moved: Bool) -> Double {
        var area = moved ? 0.5 : 0
        for other in labels + reserved where Self.overlap(box, other) {
            area += (Swift.min(box.maxX, other.maxX) - Swift.max(box.minX, other.minX))
                * (Swift.min(box.maxY, other.maxY) - Swift.max(box.minY, other.minY))
        }
        return area
    }

    private func clamped(_ box: Rect) -> Rect {
        var b = box
        b.x = Swift.min(Swift.max(b.x, bounds.minX), bounds.maxX - b.width)
        b.y = Swift.min(Swift.max(b.y, bounds.minY), bounds.maxY - b.height)
        return b
    }
}
