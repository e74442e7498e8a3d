import Testing
@testable import OptraceCore

@Test func minimumFinderOnTheDefaultScenario() throws {
    let surface = try Surface(terms: defaultScenario, expression: nil, domain: defaultDomain, minima: nil)
    let minima = surface.minima
    #expect(minima.count == 2)
    guard minima.count == 2 else { return }
    let global = minima[0], local = minima[1]
    #expect(global.isGlobal && !local.isGlobal)
    #expect(Swift.abs(global.point.x) < 0.1 && Swift.abs(global.point.y) < 0.1)
    #expect(Swift.abs(global.value) < 0.01)
    #expect(Swift.abs(local.point.x - 4.6) < 0.1 && Swift.abs(local.point.y + 0.1) < 0.1)
    #expect(Swift.abs(local.value - 1.25) < 0.01)
    for minimum in minima {
        let g = surface.valueAndGradient(at: minimum.point).gradient
        #expect((g.x * g.x + g.y * g.y).squareRoot() < 1e-10)
    }
    // Deterministic.
    #expect(MinimumFinder().minima(of: surface) == minima)
}

@Test func minimumFinderRecoversPublishedMinima() throws {
    for (name, formula) in [
        ("himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"),
        ("six_hump_camel", "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2"),
    ] {
        let definition = try #require(TermCatalog.definition(named: name))
        let surface = try Surface(terms: [], expression: formula, domain: definition.defaultDomain, minima: nil)
        let published = definition.minima()
        #expect(surface.minima.count == published.count, "\(name): \(surface.minima)")
        for minimum in published {
            let match = surface.minima.first { ($0.point - minimum.point).x.magnitude < 1e-8 && ($0.point - minimum.point).y.magnitude < 1e-8 }
            #expect(match?.isGlobal == minimum.isGlobal, "\(name) \(minimum.point)")
            #expect(match.map { Swift.abs($0.value - minimum.value) < 1e-12 } == true)
        }
        #expect(surface.minima.map(\.value) == surface.minima.map(\.value).sorted())
    }
}
