import Foundation
import OptraceCLI
import OptraceCore

// A closed pipe is reported by the failed write (EPIPE), not by killing the process.
signal(SIGPIPE, SIG_IGN)
Interruption.installHandlers()
exit(Optrace.run(Array(CommandLine.arguments.dropFirst())))
