import Foundation
import Profiles
import ServiceNowClient

/// What the commands need from the outside world, gathered once so tests can replace parts.
struct AppEnvironment: Sendable {
  var variables: [String: String]
  var store: ProfileStore
  var log: RequestLog
  /// How long one network exchange may take.
  var deadline: Duration

  /// The environment of this process, with the profile store it names.
  static func current(configDirectory: URL? = nil) throws -> AppEnvironment {
    let variables = ProcessInfo.processInfo.environment
    let store =
      try configDirectory.map { ProfileStore(directory: $0) } ?? ProfileStore(environment: variables)
    let log = RequestLog()
    DebugStream.attach(to: log, variables: variables)
    return AppEnvironment(variables: variables, store: store, log: log, deadline: .seconds(10))
  }

  /// A client for one instance that logs into this run's request log.
  func client(for instance: URL, apiVersion: String?) -> ServiceNowClient {
    ServiceNowClient(
      instance: instance, apiVersion: apiVersion, log: log, deadline: deadline,
      proxy: ProxyEnvironment(variables), userAgent: "snowgate/\(CommandLineTool.version)")
  }

  /// Appends the redacted request log to `$SNOWGATE_LOG` when it is set, so a person or a
  /// test can read what was sent; the log never holds a secret (see `LogFile` for how the
  /// path is opened).
  func writeLogIfAsked() {
    guard let path = variables["SNOWGATE_LOG"], !path.isEmpty else { return }
    let text = log.render(includeBodies: true)
    if let problem = LogFile.append(text.isEmpty ? "" : text + "\n", to: path) {
      CommandLineTool.printError("snowgate: \(problem)")
    }
  }
}
