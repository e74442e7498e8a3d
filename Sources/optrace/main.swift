import OptraceCLI

OptraceCommand.main()
