import Testing
@testable import OptraceCore

/// The landscape slice: filter-normalised and principal directions, projections and the lattice.
@Suite struct LandscapeTests {
    static func scenario(_ name: String) -> ModelScenario {
        guard case .model(let model) = try! ScenarioLoader.parseDocument(yaml: BuiltinScenarios.text(named: name)!, file: name) else { fatalError() }
        return model
    }

    @Test func randomDirectionsAreFilterNormalisedAndLeaveTheBiases() {
        let scenario = Self.scenario("xor")
        let race = ModelRace(scenario, snapshotEvery: 10)
        let slice = LandscapeSlice(race, directions: .random, seed: 3, columns: 11, rows: 9)
        let shape = scenario.shape, centre = slice.centre
        // Read back through the network's own view of θ: each unit's row of a layer's weight matrix, and its biases.
        func norm(_ row: [Double]) -> Double { FlatVector(row).norm }
        for d in [slice.first, slice.second] {
            for l in 0..<shape.layerCount {
                let dw = shape.weights(l, in: d), w = shape.weights(l, in: centre)
                for unit in 0..<dw.rows {
                    #expect(abs(norm(dw.row(unit)) - norm(w.row(unit))) <= 1e-12 * norm(w.row(unit)))
                }
                #expect(shape.biases(l, in: d).allSatisfy { $0 == 0 })
            }
        }
        // The lattice's middle point is θ* itself.
        #expect(slice.values[4 * 11 + 5] == NetworkGradient.loss(shape, theta: centre, inputs: scenario.data.inputs, targets: scenario.data.targets))
        #expect(slice.paths[0].count == race.runs[0].snapshots.count)
        #expect(slice.shares[0].map { $0 > 0 && $0 < 1 } == true)
    }

    @Test func principalDirectionsAreOrthonormalAndHoldMostOfThePaths() {
        var scenario = Self.scenario("moons")
        scenario.epochs = 30
        let race = ModelRace(scenario, snapshotEvery: 1)
        let slice = LandscapeSlice(race, directions: .principal, seed: 0, columns: 11, rows: 9)
        #expect(abs(LandscapeSlice.dot(slice.first, slice.first) - 1) < 1e-12)
        #expect(abs(LandscapeSlice.dot(slice.second, slice.second) - 1) < 1e-12)
        #expect(abs(LandscapeSlice.dot(slice.first, slice.second)) < 1e-9)
        let explained = slice.explained ?? 0
        #expect(explained > 0.5 && explained <= 1)
        // Each projected point is the least-squares one: the residual is orthogonal to both directions.
        let run = race.runs[0]
        let v = run.snapshots[5] - slice.centre, p = slice.paths[0][5]
        let residual = v - (p.x * slice.first + p.y * slice.second)
        #expect(abs(LandscapeSlice.dot(residual, slice.first)) < 1e-9 && abs(LandscapeSlice.dot(residual, slice.second)) < 1e-9)
        #expect(slice.shares.allSatisfy { ($0 ?? 0) > 0 && ($0 ?? 2) <= 1 + 1e-12 })
        // The best racer ends at θ*: its last projected point is the origin.
        let best = race.ranks.firstIndex(of: 1)!
        #expect(simd_length(slice.paths[best].last!) < 1e-9)
    }

    func simd_length(_ v: SIMD2<Double>) -> Double { (v.x * v.x + v.y * v.y).squareRoot() }

    @Test func theSliceIsTheSameEveryTime() {
        let race = ModelRace(Self.scenario("xor"), snapshotEvery: 20)
        let a = LandscapeSlice(race, directions: .random, seed: 1, columns: 13, rows: 9)
        let b = LandscapeSlice(ModelRace(Self.scenario("xor"), snapshotEvery: 20), directions: .random, seed: 1, columns: 13, rows: 9)
        #expect(a.values == b.values && a.paths == b.paths)
    }
}
