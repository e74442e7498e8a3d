/// Colours, font sizes and spacing shared by the race frame and the loss plot (figure units; 1 unit = 1 px at scale 1).
struct FigureStyle {
    var background = RGBColor(hex: 0xFFFFFF)
    var ink = RGBColor(hex: 0x1F2328)
    var mutedInk = RGBColor(hex: 0x5F6670)
    var faintInk = RGBColor(hex: 0x8C939C)
    var frame = RGBColor(hex: 0x6E757D)
    var panelFill = RGBColor(hex: 0xF6F7F8)
    var panelStroke = RGBColor(hex: 0xDDE1E5)
    var divergedInk = RGBColor(hex: 0xC62828)
    var isoLine = RGBColor(red: 0, green: 0, blue: 0, alpha: 0.42)
    var maskedFill = RGBColor(hex: 0xE8E8E8)

    var margin = 18.0
    var title: TextStyle { TextStyle(size: 15, bold: true, color: ink) }
    var subtitle: TextStyle { TextStyle(size: 11, color: mutedInk) }
    var tickLabel: TextStyle { TextStyle(size: 10, color: mutedInk) }
    var axisLabel: TextStyle { TextStyle(size: 11, color: ink) }
    var header: TextStyle { TextStyle(size: 9.5, color: faintInk) }
    var name: TextStyle { TextStyle(size: 11, bold: true, color: ink) }
    var detail: TextStyle { TextStyle(size: 10.5, color: mutedInk) }
    var value: TextStyle { TextStyle(size: 11, color: ink) }
    var stepValue: TextStyle { TextStyle(size: 10, bold: true, color: ink) }

    var tickLength = 4.0
    var isoLineWidth = 0.6
    var pathWidth = 1.9
    var casingWidth = 3.6
    var markerRadius = 5.2
}
