/// Where every part of a race frame goes, computed from the figure size and text measurements only (no pixels).
///
/// The scoreboard panel lists the racers in as many columns (filled top to bottom, left to right) as it takes for
/// the plot to keep at least half the figure's height, as far as the width allows columns that hold the widest
/// name and loss; the subtitle wraps onto a second line, then shortens with "…", to fit the width.
struct RaceLayout {
    var size: SIMD2<Double>
    var title: String
    var titleBaseline: Double
    var subtitleLines: [String]
    var subtitleBaseline: Double
    var subtitleLineHeight: Double
    var plot: Rect
    var colorBar: Rect
    var colorBarLabelX: Double
    var colorBarCaptionX: Double
    var yLabelX: Double
    var xTickBaseline: Double
    var xLabelBaseline: Double
    var table: Rect
    var tableHeaderBaseline: Double
    var rowHeight: Double
    var firstRowBaseline: Double
    /// The panel's columns, left to right; racer `i` is in column `i / rowsPerColumn`.
    var columns: [PanelColumn]
    var rowsPerColumn: Int
    var stepRight: Double
    var stepBaseline: Double
    var stepValueWidth: Double

    // The first column (the only one for a few racers).
    var rankRight: Double { columns[0].rankRight }
    var swatchX: Double { columns[0].swatchX }
    var legendX: Double { columns[0].legendX }
    var legendRight: Double { columns[0].legendRight }
    var lossRight: Double { columns[0].lossRight }

    /// The column of racer `index` and the baseline of its row.
    func row(_ index: Int) -> (column: PanelColumn, baseline: Double) {
        (columns[index / rowsPerColumn], firstRowBaseline + Double(index % rowsPerColumn) * rowHeight)
    }

    static let pad = 10.0
    static let columnGap = 22.0

    /// `measure(text, style)` returns the advance width of `text`.
    init(width: Double, height: Double, style: FigureStyle, title: String, subtitle: String, racerNames: [String],
         yTickLabels: [String], colorBarTickLabels: [String], widestLoss: Double, widestStepValue: Double,
         measure: (String, TextStyle) -> Double) {
        let m = style.margin
        let racerCount = racerNames.count
        size = SIMD2(width, height)
        let textWidth = width - 2 * m
        self.title = TextFit.shortened(title, width: textWidth) { measure($0, style.title) }
        subtitleLines = TextFit.lines(subtitle, width: textWidth, maxLines: 2) { measure($0, style.subtitle) }
        titleBaseline = m + 12
        subtitleBaseline = titleBaseline + 17
        subtitleLineHeight = 14
        let plotTop = subtitleBaseline + Double(subtitleLines.count) * subtitleLineHeight

        // Columns: the fewest (at a roomy, then a compact row height) that leave the plot half the height, within
        // what the width holds with every name whole; failing that, the arrangement that leaves the plot the most,
        // down to columns that clip the longest names (to no less than 60 % of them). A few racers keep one column.
        let tableWidth = width - 2 * m
        let rankWidth = measure("88", style.value)
        let widestName = racerNames.map { measure($0, style.name) }.max() ?? 0
        func columnsHolding(nameWidth: Double) -> Int {
            let columnWidth = rankWidth + 10 + 30 + nameWidth + 16 + widestLoss
            let fit = Int((tableWidth - 2 * Self.pad + Self.columnGap) / (columnWidth + Self.columnGap))
            return racerCount > 4 ? max(1, min(racerCount, fit)) : 1
        }
        func tableHeight(_ columns: Int, _ rowHeight: Double) -> Double {
            8 + 15 + Double((racerCount + columns - 1) / max(columns, 1)) * rowHeight + 5
        }
        func plotHeight(_ c: (columns: Int, rowHeight: Double)) -> Double {
            height - m - tableHeight(c.columns, c.rowHeight) - 14 - 32 - plotTop
        }
        let whole = columnsHolding(nameWidth: widestName)
        let clipped = columnsHolding(nameWidth: max(0.6 * widestName, min(widestName, 50)))
        var candidates: [(columns: Int, rowHeight: Double)] = [(1, 19), (1, 17)]
        if whole > 1 { candidates += (2...whole).map { ($0, 17) } }
        let fallback = candidates + (clipped > whole ? [(clipped, 15.0)] : [(whole, 15.0)])
        let chosen = candidates.first { plotHeight($0) >= height / 2 } ?? fallback.max { plotHeight($0) < plotHeight($1) }!
        rowHeight = chosen.rowHeight
        rowsPerColumn = max(1, (racerCount + chosen.columns - 1) / chosen.columns)
        let columnCount = max(1, (racerCount + rowsPerColumn - 1) / rowsPerColumn)
        // A map without racers (the live page's background) has no panel: the plot takes its place.
        let th = racerCount == 0 ? 0 : tableHeight(columnCount, rowHeight)
        table = Rect(x: m, y: height - m - th, width: tableWidth, height: th)
        tableHeaderBaseline = table.minY + 8 + 10
        firstRowBaseline = tableHeaderBaseline + 4 + rowHeight - 5

        let plotBottom = table.minY - 14 - 32
        let yTickWidth = yTickLabels.map { measure($0, style.tickLabel) }.max() ?? 0
        let plotLeft = m + 13 + 6 + yTickWidth + 7
        yLabelX = m + 9
        let cbTickWidth = colorBarTickLabels.map { measure($0, style.tickLabel) }.max() ?? 0
        let cbWidth = 12.0
        colorBarCaptionX = width - m - 6
        colorBarLabelX = colorBarCaptionX - 14 - cbTickWidth
        let cbRight = colorBarLabelX - style.tickLength - 4.5
        colorBar = Rect(x: cbRight - cbWidth, y: plotTop, width: cbWidth, height: plotBottom - plotTop)
        plot = Rect(x: plotLeft.rounded(), y: plotTop.rounded(),
                    width: (colorBar.minX - 16 - plotLeft).rounded(), height: (plotBottom - plotTop).rounded())
        xTickBaseline = plot.maxY + 6 + 10
        xLabelBaseline = plot.maxY + 31

        let inner = tableWidth - 2 * Self.pad
        let columnWidth = (inner - Double(columnCount - 1) * Self.columnGap) / Double(columnCount)
        let t = table
        columns = (0..<columnCount).map { k in
            let left = t.minX + Self.pad + Double(k) * (columnWidth + Self.columnGap)
            let rankRight = left + rankWidth
            let lossRight = left + columnWidth
            return PanelColumn(rankRight: rankRight, swatchX: rankRight + 10, legendX: rankRight + 40,
                               legendRight: lossRight - widestLoss - 16, lossRight: lossRight)
        }
        // The step counter heads the loss column, so everything that changes per frame sits in the plot or the
        // panel's right edge (small APNG delta rectangles).
        stepRight = columns[columnCount - 1].lossRight
        stepBaseline = tableHeaderBaseline
        stepValueWidth = widestStepValue
    }
}
