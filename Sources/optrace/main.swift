import Foundation
import OptraceCLI
import OptraceCore

Interruption.installHandlers()
exit(Optrace.run(Array(CommandLine.arguments.dropFirst())))
