import OptraceServer

await ServeCommand.runFromCommandLine()
