import Platform
import ServiceNowClient

/// `SNOWGATE_DEBUG=api`: every HTTP exchange of any command on stderr as it happens, redacted
/// (the request log masks secrets before an entry exists), like `GH_DEBUG=api`.
enum DebugStream {
  /// Whether the variable asks for the exchange (`api`, or a list with it, or `1`/`true`).
  static func wanted(_ variables: [String: String]) -> Bool {
    guard let value = variables["SNOWGATE_DEBUG"]?.lowercased(), !value.isEmpty else { return false }
    let words = value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    return words.contains("api") || words.contains("1") || words.contains("true")
  }

  static func attach(to log: RequestLog, variables: [String: String]) {
    guard wanted(variables) else { return }
    log.observe { entry in
      StandardStream.error.write(
        ("[snowgate debug] " + entry.render(includeBodies: true) + "\n"))
    }
  }
}
