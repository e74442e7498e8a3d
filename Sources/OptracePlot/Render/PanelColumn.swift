/// One column of the race frame's scoreboard panel: x positions of the rank, the racer's swatch and label, and its loss.
struct PanelColumn: Equatable {
    var rankRight: Double
    var swatchX: Double
    var legendX: Double
    /// Legend labels end here (clipped), leaving room for the widest loss.
    var legendRight: Double
    var lossRight: Double
}
