import Foundation

/// Draws a `GraphScene`: nodes as boxes left to right, each edge an arrow labelled with its local derivative in
/// blue and, once the backward pass has crossed it, the blame it carries in mint; the readouts below.
public final class GraphRenderer {
    public let scene: GraphScene
    public let width: Double
    public let height: Double
    public let scale: Double
    let style = FigureStyle()

    /// Blue of the forward pass's local derivatives, mint of the backward pass's adjoints (as the chapter's
    /// instrument), amber for the node being computed.
    static let forwardInk = RGBColor(hex: 0x1565C0)
    static let backwardInk = RGBColor(hex: 0x00897B)
    static let currentStroke = RGBColor(hex: 0xE69F00)

    static let nodeWidth = 104.0
    static let nodeHeight = 50.0
    static let columnGap = 84.0
    static let rowGap = 34.0
    static let top = 84.0
    static let side = 36.0
    static let readoutLine = 17.0

    public init(scene: GraphScene, width: Double, height: Double, scale: Double = 1) {
        precondition(width >= 300 && height >= 200 && scale > 0)
        self.scene = scene
        self.width = width
        self.height = height
        self.scale = scale
    }

    /// The figure size that fits `columns` columns of at most `rows` nodes and `readouts` lines.
    public static func fittingSize(columns: Int, rows: Int, readouts: Int) -> (width: Double, height: Double) {
        let graphWidth = Double(columns) * nodeWidth + Double(max(0, columns - 1)) * columnGap
        let graphHeight = Double(rows) * nodeHeight + Double(max(0, rows - 1)) * rowGap
        return (max(560, graphWidth + 2 * side), top + graphHeight + 30 + Double(readouts) * readoutLine + 18)
    }

    public func render() -> RGBAImage {
        let c = style.titledCanvas(width: width, height: height, scale: scale, title: scene.title, subtitle: scene.subtitle)
        let phaseStyle = TextStyle(size: 10.5, bold: true, color: style.mutedInk)
        c.text(scene.phase, x: style.margin, y: style.margin + 48, phaseStyle)
        let readoutsHeight = Double(scene.readouts.count) * Self.readoutLine
        // Columns: centres from the first box's middle to the last's. Rows: a column of n nodes splits the graph's
        // height into n bands, one node in the middle of each.
        let area = Rect(
            x: Self.side + Self.nodeWidth / 2, y: Self.top,
            width: width - 2 * Self.side - Self.nodeWidth, height: height - Self.top - 30 - readoutsHeight - 18)
        let centres = scene.nodes.map { node -> SIMD2<Double> in
            SIMD2(area.x + node.x * area.width, area.y + node.y * area.height)
        }
        // Column spacing: an edge's labels sit in the gap right after its operand's column, which no box occupies
        // (the middle of an edge that spans several columns may pass behind other boxes).
        let columns = Set(scene.nodes.map(\.x)).sorted()
        let spacing = columns.count > 1 ? zip(columns, columns.dropFirst()).map { ($1 - $0) * area.width }.min()! : Self.nodeWidth + Self.columnGap
        for edge in scene.edges where !edge.isCurrent { draw(edge, centres, spacing, c) }
        for edge in scene.edges where edge.isCurrent { draw(edge, centres, spacing, c) }
        for (node, centre) in zip(scene.nodes, centres) { draw(node, at: centre, c) }
        let readoutStyle = TextStyle(size: 11.5, color: style.ink)
        var y = height - 18 - readoutsHeight + 12
        for line in scene.readouts {
            c.text(line, x: style.margin, y: y, readoutStyle)
            y += Self.readoutLine
        }
        return c.image()
    }

    func draw(_ edge: GraphScene.Edge, _ centres: [SIMD2<Double>], _ spacing: Double, _ c: CairoCanvas) {
        let start = centres[edge.from] + SIMD2(Self.nodeWidth / 2, 0)
        let end = centres[edge.to] - SIMD2(Self.nodeWidth / 2, 0)
        let ink = edge.isCurrent ? Self.currentStroke : (edge.carried != nil ? Self.backwardInk : style.frame)
        c.setColor(ink)
        c.setLineWidth(edge.isCurrent ? 2.2 : 1.2)
        c.newPath()
        c.moveTo(start)
        c.lineTo(end - SIMD2(7, 0) * direction(start, end))
        c.stroke()
        arrowHead(at: end, from: start, ink, c)
        let labels = [(edge.local, Self.forwardInk), (edge.carried, Self.backwardInk)].compactMap { text, ink in
            text.map { ($0, ink) }
        }
        guard !labels.isEmpty else { return }
        let labelStyle = TextStyle(size: 10, color: Self.forwardInk)
        let run = end.x - start.x
        let t = run > 0 ? Swift.min(1, Swift.max(0, (spacing - Self.nodeWidth) / 2 / run)) : 0.5
        let middle = start + t * (end - start)
        let widest = labels.map { c.measure($0.0, labelStyle) }.max()!
        let box = Rect(x: middle.x - widest / 2 - 3, y: middle.y - 7 - 6.5 * Double(labels.count - 1), width: widest + 6,
                       height: 13 * Double(labels.count) + 1)
        c.fill(box, RGBColor(hex: 0xFFFFFF, alpha: 0.9))
        for (k, (text, ink)) in labels.enumerated() {
            c.text(text, x: middle.x, y: box.y + 10 + 13 * Double(k), TextStyle(size: 10, bold: edge.isCurrent, color: ink), align: .center)
        }
    }

    /// The unit direction from `a` to `b` (x only when they coincide).
    func direction(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> {
        let d = b - a
        let length = (d * d).sum().squareRoot()
        return length > 0 ? d / length : SIMD2(1, 0)
    }

    func arrowHead(at tip: SIMD2<Double>, from start: SIMD2<Double>, _ ink: RGBColor, _ c: CairoCanvas) {
        let u = direction(start, tip)
        let n = SIMD2(-u.y, u.x)
        c.setColor(ink)
        c.newPath()
        c.moveTo(tip)
        c.lineTo(tip - 8 * u + 3.6 * n)
        c.lineTo(tip - 8 * u - 3.6 * n)
        c.closePath()
        c.fill()
    }

    func draw(_ node: GraphScene.Node, at centre: SIMD2<Double>, _ c: CairoCanvas) {
        let box = Rect(x: centre.x - Self.nodeWidth / 2, y: centre.y - Self.nodeHeight / 2, width: Self.nodeWidth, height: Self.nodeHeight)
        let fill: RGBColor
        switch node.kind {
        case .input: fill = RGBColor(hex: 0xEAF2FB)
        case .constant: fill = RGBColor(hex: 0xF3F3F3)
        case .operation: fill = RGBColor(hex: 0xFFFFFF)
        case .output: fill = RGBColor(hex: 0xFFF6E0)
        }
        c.newPath()
        c.roundedRect(box, radius: 7)
        c.setColor(fill)
        c.fillPreserve()
        c.setColor(node.isCurrent ? Self.currentStroke : style.frame)
        c.setLineWidth(node.isCurrent ? 2.4 : 1)
        if node.kind == .constant { c.setDash([3, 2]) }
        c.stroke()
        c.setDash([])
        let titleStyle = TextStyle(size: 11.5, bold: true, color: style.ink)
        let title = TextFit.shortened(node.title, width: Self.nodeWidth - 8) { c.measure($0, titleStyle) }
        c.text(title, x: centre.x, y: box.y + 15, titleStyle, align: .center)
        let valueStyle = TextStyle(size: 10.5, color: style.ink)
        c.text(node.value.map { "= \($0)" } ?? "= —", x: centre.x, y: box.y + 30, node.value == nil ? TextStyle(size: 10.5, color: style.faintInk) : valueStyle, align: .center)
        if let adjoint = node.adjoint {
            c.text("∂ \(adjoint)", x: centre.x, y: box.y + 44, TextStyle(size: 10.5, bold: true, color: Self.backwardInk), align: .center)
        }
    }
}
