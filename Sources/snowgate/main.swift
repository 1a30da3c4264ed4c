import App

await CommandLineTool.main(CommandLine.arguments)
