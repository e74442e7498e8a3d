import Foundation
import Testing
@testable import OptraceCLI
@testable import OptraceCore

@Suite struct ListCommandTests {
    @Test func listsEverything() {
        let run = optrace("list")
        #expect(run.code == 0)
        for name in BuiltinScenarios.names { #expect(run.stdout.contains(name)) }
        for term in TermCatalog.all { #expect(run.stdout.contains("  \(term.name): ")) }
        for optimizer in OptimizerCatalog.all { #expect(run.stdout.contains("  \(optimizer.name): ")) }
        #expect(run.stdout.contains("θₜ = θₜ₋₁ − η·m̂ₜ/(√v̂ₜ + ε)"))
        #expect(run.stdout.range(of: #"\n +beta2 +β₂ +default 0\.999 +the same as betas\[1\]"#, options: .regularExpression) != nil)
    }

    @Test func listsOneTopic() {
        let run = optrace("list", "optimizers")
        #expect(run.code == 0 && run.stdout.hasPrefix("Optimizers") && !run.stdout.contains("Scenarios"))
        #expect(optrace("list", "bogus").code == 2)
    }

    @Test func listsEveryRuleWithFormulaDefaultsSchedulesAndClipping() {
        let run = optrace("list", "optimizers")
        #expect(run.code == 0)
        for optimizer in OptimizerCatalog.all {
            for line in optimizer.formula { #expect(run.stdout.contains(line), "\(optimizer.name): \(line)") }
        }
        #expect(run.stdout.contains("θₜ = θₜ₋₁ − η·(sign(cₜ) + λ·θₜ₋₁)"))
        func hasRow(_ pattern: String) -> Bool {
            run.stdout.range(of: "\n +" + pattern, options: .regularExpression) != nil
        }
        #expect(hasRow(#"weight_decay +λ +default 0\.01 "#))
        #expect(hasRow(#"betas +β₁,β₂ +default \[0\.9, 0\.99\] "#))
        #expect(hasRow(#"convention +conv +default pytorch "#))
        for type in ScheduleCatalog.all { #expect(run.stdout.contains("  \(type.name): "), "\(type.name)") }
        #expect(run.stdout.contains("warmup_steps required"))
        #expect(run.stdout.contains("clip_norm: c") && run.stdout.contains("clip_value: c"))
    }
}

/// What the README says of the command line and the catalogs holds.
@Suite struct ReadmeAgreementTests {
    let readme = (try? String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)) ?? ""

    @Test func everyTermRowNamesItsParameters() {
        for term in TermCatalog.all {
            let row = readme.split(separator: "\n").first { $0.hasPrefix("| `\(term.name)` |") }
            #expect(row != nil, "README has no row for \(term.name)")
            for p in term.parameters { #expect(row?.contains("`\(p.name)`") == true, "README's \(term.name) row omits \(p.name)") }
        }
    }

    @Test func theMalformedCorpusCountIsTheREADMEs() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Tests/OptraceCLITests/Malformed")
        let count = files.filter { $0.hasSuffix(".yaml") }.count
        #expect(readme.contains("holds \(count) malformed scenarios"), "the corpus holds \(count)")
    }

    @Test func versionAndTheSeparateTopics() {
        let version = optrace("--version")
        #expect(version.code == 0 && version.stdout == "optrace \(OptraceCommand.version)\n")
        let schedules = optrace("list", "schedules")
        #expect(schedules.code == 0 && schedules.stdout.hasPrefix("Learning-rate schedules"))
        for type in ScheduleCatalog.all { #expect(schedules.stdout.contains("  \(type.name): ")) }
        #expect(!schedules.stdout.contains("Optimizers") && !schedules.stdout.contains("Gradient clipping"))
        let clipping = optrace("list", "clipping")
        #expect(clipping.code == 0 && clipping.stdout.hasPrefix("Gradient clipping") && clipping.stdout.contains("clip_norm: c"))
    }
}
