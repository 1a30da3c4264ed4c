/// `snowgate check`: the layered diagnosis (wired in the next change).
enum CheckCommand {
  static func run(_ arguments: [String]) async -> Int32 {
    CommandLineTool.printError("snowgate: check is not wired yet")
    return 1
  }
}
