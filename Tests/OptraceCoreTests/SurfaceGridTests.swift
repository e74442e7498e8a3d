import Testing
@testable import OptraceCore

@Test func valueGridShapeCornersAndThreadIndependence() throws {
    let surface = try Surface(terms: defaultScenario, expression: nil, domain: defaultDomain, minima: nil)
    let (columns, rows) = (37, 23)
    let grid = surface.valueGrid(columns: columns, rows: rows)
    #expect(grid.count == columns * rows)
    let d = surface.domain
    #expect(grid[0] == surface.value(at: Vec2(d.xRange.lowerBound, d.yRange.lowerBound)))
    #expect(grid[columns - 1] == surface.value(at: Vec2(d.xRange.upperBound, d.yRange.lowerBound)))
    #expect(grid[(rows - 1) * columns] == surface.value(at: Vec2(d.xRange.lowerBound, d.yRange.upperBound)))
    #expect(grid[rows * columns - 1] == surface.value(at: Vec2(d.xRange.upperBound, d.yRange.upperBound)))
    // Row 1, column 2 is the lattice point (x min + 2·Δx, y min + Δy).
    let p = Vec2(-6 + 18 * 2 / 36.0, -5 + 10 * 1 / 22.0)
    #expect(grid[columns + 2] == surface.value(at: p))
    for threads in [1, 2, 3, 7, 23, 100] {
        #expect(surface.valueGrid(columns: columns, rows: rows, threads: threads) == grid)
    }
    #expect(surface.valueGrid(columns: 0, rows: 5).isEmpty)
    #expect(surface.valueGrid(columns: 1, rows: 1) == [surface.value(at: d.center)])
}
