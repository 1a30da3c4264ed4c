import App

CommandLineTool.start(CommandLine.arguments)
