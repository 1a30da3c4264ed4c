import Foundation
import ServiceNowClient

/// `snowgate check`: the layered diagnosis (wired in the next change).
enum CheckCommand {
  static func run(_ arguments: [String]) async -> Int32 {
    if let first = arguments.first, let url = URL(string: first) {
      let client = ServiceNowClient(instance: url)
      let result = await client.probe()
      print(result)
      return 0
    }
    CommandLineTool.printError("snowgate: check is not wired yet")
    return 1
  }
}
