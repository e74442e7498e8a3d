/// Where every part of a race frame goes, computed from the figure size and text measurements only (no pixels).
struct RaceLayout {
    var size: SIMD2<Double>
    var titleBaseline: Double
    var subtitleBaseline: Double
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
    // Table columns (x positions).
    var rankRight: Double
    var swatchX: Double
    var legendX: Double
    /// Legend labels end here (clipped), leaving room for the widest loss.
    var legendRight: Double
    var lossRight: Double
    var stepRight: Double
    var stepBaseline: Double
    var stepValueWidth: Double

    /// `measure(text, style)` returns the advance width of `text`.
    init(width: Double, height: Double, style: FigureStyle, racerCount: Int, yTickLabels: [String],
         colorBarTickLabels: [String], widestLoss: Double, widestStepValue: Double,
         measure: (String, TextStyle) -> Double) {
        let m = style.margin
        size = SIMD2(width, height)
        titleBaseline = m + 12
        subtitleBaseline = titleBaseline + 17
        rowHeight = 19
        let tableHeight = 8 + 15 + Double(racerCount) * rowHeight + 5
        table = Rect(x: m, y: height - m - tableHeight, width: width - 2 * m, height: tableHeight)
        tableHeaderBaseline = table.minY + 8 + 10
        firstRowBaseline = tableHeaderBaseline + 4 + rowHeight - 5

        let plotTop = subtitleBaseline + 14
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

        let pad = 10.0
        rankRight = table.minX + pad + measure("88", style.value)
        swatchX = rankRight + 10
        legendX = swatchX + 30
        lossRight = table.maxX - pad
        legendRight = lossRight - max(widestLoss, widestStepValue) - 16
        // The step counter heads the loss column, so everything that changes per frame sits in the plot or the
        // panel's right edge (small APNG delta rectangles).
        stepRight = lossRight
        stepBaseline = tableHeaderBaseline
        stepValueWidth = widestStepValue
    }
}
