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
        #expect(run.stdout.contains("beta2    β₂  default 0.999"))
    }

    @Test func listsOneTopic() {
        let run = optrace("list", "optimizers")
        #expect(run.code == 0 && run.stdout.hasPrefix("Optimizers") && !run.stdout.contains("Scenarios"))
        #expect(optrace("list", "bogus").code == 2)
    }
}
