import Foundation
import OptraceFuzzing

#if OPTRACE_LIBFUZZER
    /// libFuzzer's driver (from `-sanitize=fuzzer`), run from our own `main`.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    /// The target libFuzzer feeds: OPTRACE_FUZZ_TARGET (expression, scenario, model, nesting or outputPath).
    let libFuzzerTarget = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["OPTRACE_FUZZ_TARGET"] ?? "expression") ?? .expression
#endif

/// `optrace-fuzz [expression|scenario|nesting] [COUNT] [SEED]`: a seeded campaign; built with
/// `-sanitize=fuzzer -DOPTRACE_LIBFUZZER` (see `scripts/fuzz`), libFuzzer drives it instead.
@main
struct FuzzMain {
    static func main() {
        #if OPTRACE_LIBFUZZER
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
                if let finding = libFuzzerTarget.run(bytes) { fatalError(finding.description) }
                return 0
            })
        #else
            let args = Array(CommandLine.arguments.dropFirst())
            let targets = args.first.flatMap { FuzzTarget(rawValue: $0) }.map { [$0] } ?? FuzzTarget.allCases
            let count = args.count > 1 ? Int(args[1]) ?? 100_000 : 100_000
            let seed = args.count > 2 ? UInt64(args[2]) ?? 1 : 1
            var failed = false
            for target in targets {
                let report = FuzzCampaign(target: target, seed: seed).run(count: count) { done in
                    FileHandle.standardError.write(Data("\r\(target.rawValue): \(done) inputs".utf8))
                }
                print(
                    "\n\(target.rawValue): \(report.inputs) inputs in \(String(format: "%.1f", report.seconds)) s, slowest \(String(format: "%.3f", report.slowestSeconds)) s, peak memory \(String(format: "%.0f", report.peakMemoryMiB)) MiB, \(report.findings.count) findings, \(report.slow.count) over the time limit"
                )
                for line in (report.findings + report.slow).prefix(10) { print("  " + line) }
                failed = failed || !report.findings.isEmpty || !report.slow.isEmpty
            }
            exit(failed ? 1 : 0)
        #endif
    }
}
