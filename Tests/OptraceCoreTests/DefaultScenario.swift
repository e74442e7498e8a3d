@testable import OptraceCore

/// The default scenario's surface: f = ½(0.1x² + y²) + 1.5·exp(−((x−3)² + (y−0.2)²)/(2·0.8²)) on [−6, 12]×[−5, 5].
let defaultScenario: [SurfaceTermSpec] = [
    SurfaceTermSpec(name: "valley", parameters: ["curvatures": [0.1, 1.0]]),
    SurfaceTermSpec(name: "bump", parameters: ["center": [3, 0.2], "height": [1.5], "width": [0.8]]),
]
let defaultDomain = Domain(x: -6...12, y: -5...5)
