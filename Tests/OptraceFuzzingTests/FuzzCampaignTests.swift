import OptraceCore
import Testing
@testable import OptraceFuzzing

/// Short fuzz campaigns on each target (the long ones run with `scripts/fuzz`), and proof that each property can fail.
@Suite struct FuzzCampaignTests {
    @Test(arguments: FuzzTarget.allCases)
    func aShortCampaignFindsNothing(target: FuzzTarget) {
        var campaign = FuzzCampaign(target: target, seed: 2026)
        campaign.timeLimit = 2.0
        let count = [FuzzTarget.expression: 8_000, .scenario: 800, .model: 300, .nesting: 400, .outputPath: 300][target]!
        let report = campaign.run(count: count)
        #expect(report.findings.isEmpty, "\(report.findings.prefix(5))")
        #expect(report.slow.isEmpty, "\(report.slow.prefix(5))")
        #expect(report.peakMemoryMiB < 2048)
    }

    @Test func theGeneratorIsReproducible() {
        var a = FuzzInputGenerator(seed: 5, corpus: FuzzSeeds.corpus(for: .scenario), dictionary: FuzzSeeds.dictionary)
        var b = FuzzInputGenerator(seed: 5, corpus: FuzzSeeds.corpus(for: .scenario), dictionary: FuzzSeeds.dictionary)
        for _ in 0..<100 { #expect(a.input() == b.input()) }
    }

    @Test func validInputViolatesNothing() {
        #expect(FuzzTarget.expression.run(Array("x^2 + y".utf8)) == nil)
        #expect(FuzzTarget.scenario.run(Array(FuzzSeeds.scenario.utf8)) == nil)
        #expect(FuzzTarget.model.run(Array(FuzzSeeds.model.utf8)) == nil)
    }

    // MARK: Each property reports a violation

    @Test func aCampaignReportsATamperedRace() {
        // Dropping a racer's last step, as a runner that lost a step would.
        let campaign = FuzzCampaign(corpus: [Array(FuzzSeeds.scenario.utf8)], seed: 3) { bytes in
            FuzzTarget.scenario(String(decoding: bytes, as: UTF8.self)) { record in
                if !record.entries.isEmpty { record.entries[0].positions.removeLast() }
            }
        }
        let report = campaign.run(count: 200)
        #expect(!report.findings.isEmpty)
        #expect(report.findings.allSatisfy { $0.contains("positions recorded") })
    }

    @Test func theRacePropertyChecksLengthsStartAndFiniteness() throws {
        let scenario = try ScenarioLoader.parse(yaml: FuzzSeeds.scenario, file: "fuzz.yaml").with(steps: 10)
        let good = RaceRecord(scenario.run(concurrent: false))
        #expect(FuzzProperties.race(good) == nil)
        func violated(_ change: (inout RaceRecord.Entry) -> Void) -> String? {
            var record = good
            change(&record.entries[1])
            return FuzzProperties.race(record)?.description
        }
        #expect(violated { $0.losses.append(0) }!.contains("12 losses"))
        #expect(violated { $0.gradients.removeLast() }!.contains("10 gradients"))
        #expect(violated { $0.noise.removeAll() }!.contains("0 noise"))
        #expect(violated { $0.status = .diverged(step: 4, reason: "test") }!.contains("diverged at step 4"))
        #expect(violated { $0.status = .diverged(step: 40, reason: "test") }!.contains("outside 1…10"))
        #expect(violated { $0.positions[0] = Vec2(0, 0) }!.contains("starts at"))
        #expect(violated { $0.losses[5] = .nan }!.contains("step 5 is not finite"))
        #expect(violated { $0.gradients[10] = Vec2(.infinity, 0) }!.contains("step 10 is not finite, yet the racer finished"))
        // A diverged racer's last step may hold the non-finite value that stopped it.
        #expect(violated { entry in
            entry.status = .diverged(step: 6, reason: "test")
            for k in [\RaceRecord.Entry.positions, \.gradients, \.noise] as [WritableKeyPath<RaceRecord.Entry, [Vec2]>] {
                entry[keyPath: k].removeLast(4)
            }
            entry.losses.removeLast(4)
            entry.losses[6] = .nan
        } == nil)
    }

    @Test func theDeterminismPropertyComparesBytes() {
        #expect(FuzzProperties.deterministic([1, 2], [1, 2], what: "x") == nil)
        #expect(FuzzProperties.deterministic([1, 2], [1, 3], what: "trajectory.csv")!.description.contains("trajectory.csv differs"))
    }

    @Test func theExpressionPropertiesReportViolations() throws {
        let parsed = try Expression(parsing: "x - (y - 1)")
        #expect(FuzzProperties.roundTrip(parsed, printed: parsed.description, input: "x") == nil)
        #expect(FuzzProperties.roundTrip(parsed, printed: "x - y - 1", input: "x") != nil)
        #expect(FuzzProperties.roundTrip(parsed, printed: "x - (", input: "x") != nil)
        #expect(FuzzProperties.tapeAgreement(variables: 2, fast: (1, [1, 2]), trace: (1, [1, 2]), input: "x") == nil)
        #expect(FuzzProperties.tapeAgreement(variables: 2, fast: (1, [1]), trace: (1, [1, 2]), input: "x") != nil)
        #expect(FuzzProperties.tapeAgreement(variables: 2, fast: (.nan, [1, 2]), trace: (1, [1, 2]), input: "x") != nil)
        // A campaign whose printer drops parentheses reports findings.
        let campaign = FuzzCampaign(corpus: FuzzSeeds.corpus(for: .expression), seed: 4) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            guard let parsed = try? Expression(parsing: text) else { return nil }
            let broken = parsed.description.replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
            return FuzzProperties.roundTrip(parsed, printed: broken, input: text)
        }
        #expect(!campaign.run(count: 300).findings.isEmpty)
    }

    @Test func theNestingPropertyReportsAWrongLimit() {
        // The loader's limit is 64; a property expecting 60 or 70 must find the disagreement.
        for wrong in [60, 70] {
            let campaign = FuzzCampaign(corpus: FuzzSeeds.corpus(for: .nesting), seed: 9) { bytes in
                FuzzTarget.nesting(NestingCase(recipe: bytes), limit: wrong)
            }
            let report = campaign.run(count: 150)
            #expect(!report.findings.isEmpty, "limit \(wrong)")
        }
        #expect(FuzzProperties.nesting(depth: 65, limit: 64, refusal: nil, input: "") != nil)
        #expect(FuzzProperties.nesting(depth: 64, limit: 64, refusal: "f:1:1: YAML nested more than 64 levels deep", input: "") != nil)
        #expect(FuzzProperties.nesting(depth: 3, limit: 64, refusal: "f:1:1: YAML syntax error: x", input: "") != nil)
        #expect(FuzzProperties.nesting(depth: 3, limit: 64, refusal: "f:1:1: main: unknown key 'main'", input: "") == nil)
    }

    @Test func theModelCampaignTrainsNetworks() {
        // Enough mutated inputs are still network scenarios for the campaign to train and compare them.
        var generator = FuzzInputGenerator(seed: 2026, corpus: FuzzSeeds.corpus(for: .model), dictionary: FuzzSeeds.dictionary(for: .model))
        var models = 0
        for _ in 0..<300 {
            if case .model? = try? ScenarioLoader.parseDocument(yaml: String(decoding: generator.input(), as: UTF8.self), file: "fuzz.yaml") { models += 1 }
        }
        #expect(models >= 30, "\(models) of 300")
    }

    @Test func nestingCasesSpanTheLimitAndFarBeyond() {
        var depths: [Int] = []
        var generator = FuzzInputGenerator(seed: 11, corpus: FuzzSeeds.corpus(for: .nesting), dictionary: FuzzSeeds.dictionary)
        for _ in 0..<400 { depths.append(NestingCase(recipe: generator.input()).depth) }
        #expect(depths.contains(64) && depths.contains(65))
        #expect(depths.contains { $0 < 20 } && depths.contains { $0 > 1000 })
        #expect(depths.filter { (58...70).contains($0) }.count > 10)
    }

    @Test func outputPathCasesCoverTheFormsUsersType() {
        let cases = FuzzSeeds.corpus(for: .outputPath).flatMap { seed in
            (0..<40).map { k in OutputPathCase(recipe: seed.map { $0 &+ UInt8(k) }) }
        }
        let paths = cases.map(\.path)
        #expect(paths.contains { $0.count == 1 } && paths.contains { $0.hasSuffix("/") } && paths.contains { $0.contains("//") })
        #expect(paths.contains { $0.contains("é") } && paths.contains { $0.utf8.count > 255 } && cases.contains(where: \.throughFile))
        #expect(paths.contains { $0.contains("..") } && paths.contains { $0.contains("\u{0}") })
    }

    @Test func theOutputPathPropertiesReportViolations() {
        #expect(FuzzProperties.pathText("a/b") == nil && FuzzProperties.pathText("x") == nil)
        #expect(FuzzProperties.outputRefusal(path: "x", message: "refused", expected: false, unchanged: true) != nil)
        #expect(FuzzProperties.outputRefusal(path: "file/x", message: "two\nlines", expected: true, unchanged: true) != nil)
        #expect(FuzzProperties.outputRefusal(path: "file/x", message: "refused", expected: true, unchanged: false) != nil)
        #expect(FuzzProperties.outputRefusal(path: "file/x", message: "refused", expected: true, unchanged: true) == nil)
        #expect(FuzzProperties.outputFolder(path: "x", files: [".optrace-files", "trajectory.csv"]) == nil)
        #expect(FuzzProperties.outputFolder(path: "x", files: [".optrace-files", "stale.png", "trajectory.csv"]) != nil)
        #expect(FuzzProperties.outputFolder(path: "x", files: [".optrace-files", "trajectory.csv"], temporaries: [".t.1.ab.tmp"]) != nil)
        // A campaign whose check wrongly expects every path to be refused reports the accepted ones.
        let campaign = FuzzCampaign(corpus: FuzzSeeds.corpus(for: .outputPath), seed: 4) { bytes in
            let pathCase = OutputPathCase(recipe: bytes)
            return PathText.problem(pathCase.path) == nil && !pathCase.throughFile
                ? FuzzProperties.outputRefusal(path: pathCase.path, message: "", expected: false, unchanged: true) : nil
        }
        #expect(!campaign.run(count: 100).findings.isEmpty)
    }
}
