import Testing
@testable import OptracePlot

@Suite struct StartMapTests {
    static func ink(endings: [Int]) -> Int {
        let field = Field(columns: 21, rows: 21, xRange: -1...1, yRange: -1...1) { x, y in (x * x - 0.25) * (x * x - 0.25) + y * y }
        let scene = StartMapScene(
            title: "t", subtitle: "s", field: field, columns: 4, rows: 4, endings: endings,
            finalLosses: endings.map { $0 == -1 ? 0.3 : 0 },
            minima: [.init(point: SIMD2(-0.5, 0), label: "(-0.50, 0.00)", isGlobal: true),
                     .init(point: SIMD2(0.5, 0), label: "(0.50, 0.00)", isGlobal: true)],
            legend: ["reach left", "reach right", "near no known minimum", "diverge"], notes: [])
        let renderer = StartMapRenderer(scene: scene)
        let image = renderer.render()
        let (r, g, b, _) = FigureStyle().background.rgba8
        var ink = 0
        for y in 0..<image.height {
            for x in Int(renderer.width - StartMapRenderer.legendWidth + 20)..<image.width {
                let p = image.pixel(x: x, y: y)
                if p.0 != r || p.1 != g || p.2 != b { ink += 1 }
            }
        }
        return ink
    }

    @Test func theKeyNamesEndingsOnlyWhenSomeStartHadThem() {
        let minimaOnly = Self.ink(endings: [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1])
        let all = Self.ink(endings: [0, 0, 1, 1, 0, -1, 1, 1, 0, 0, -2, 1, 0, 0, 1, 1])
        #expect(all > minimaOnly + 300)
    }
}
