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
  /// test can read what was sent; the log never holds a secret. A new file is mode 0600.
  func writeLogIfAsked() {
    guard let path = variables["SNOWGATE_LOG"], !path.isEmpty else { return }
    let text = log.entries.isEmpty ? "" : log.render(includeBodies: true) + "\n\n"
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    handle.write(Data(text.utf8))
  }
}
