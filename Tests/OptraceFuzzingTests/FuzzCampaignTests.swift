import Testing
@testable import OptraceFuzzing

/// A short fuzz campaign on each target (the long ones run with `scripts/fuzz`).
@Suite struct FuzzCampaignTests {
    @Test(arguments: FuzzTarget.allCases)
    func aShortCampaignFindsNothing(target: FuzzTarget) {
        var campaign = FuzzCampaign(target: target, seed: 2026)
        campaign.timeLimit = 2.0
        let report = campaign.run(count: target == .expression ? 20_000 : 3_000)
        #expect(report.findings.isEmpty, "\(report.findings.prefix(5))")
        #expect(report.slow.isEmpty, "\(report.slow.prefix(5))")
        #expect(report.peakMemoryMiB < 2048)
    }

    @Test func theGeneratorIsReproducible() {
        var a = FuzzInputGenerator(seed: 5, corpus: FuzzSeeds.corpus(for: .scenario), dictionary: FuzzSeeds.dictionary)
        var b = FuzzInputGenerator(seed: 5, corpus: FuzzSeeds.corpus(for: .scenario), dictionary: FuzzSeeds.dictionary)
        for _ in 0..<100 { #expect(a.input() == b.input()) }
    }

    @Test func theTargetsReportViolatedProperties() {
        #expect(FuzzTarget.expression.run(Array("x^2 + y".utf8)) == nil)
        #expect(FuzzTarget.scenario.run(Array(FuzzSeeds.scenario.utf8)) == nil)
    }
}
