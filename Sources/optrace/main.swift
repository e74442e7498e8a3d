import Foundation
import OptraceCLI

exit(Optrace.run(Array(CommandLine.arguments.dropFirst())))
