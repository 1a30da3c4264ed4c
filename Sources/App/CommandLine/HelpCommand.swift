/// `snowgate help [COMMAND | environment]`: the same text as `snowgate COMMAND --help`.
enum HelpCommand {
  static func run(_ arguments: [String]) -> Int32 {
    guard let topic = arguments.first else {
      print(CommandTable.usage)
      return 0
    }
    guard arguments.count == 1 else {
      return CommandLineTool.fail(
        UsageError("help takes one command name.", hint: "For example: snowgate help check"))
    }
    if topic == "environment" {
      print(CommandTable.environmentHelp)
      return 0
    }
    guard let spec = CommandTable.command(topic) else {
      return CommandLineTool.fail(CommandLineTool.unknownCommand(topic))
    }
    print(spec.help)
    return 0
  }
}
