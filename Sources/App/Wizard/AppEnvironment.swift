import Foundation
import Profiles
import ServiceNowClient
import Vocabulary

/// What the commands need from the outside world, gathered once so tests can replace parts.
struct AppEnvironment: Sendable {
  var variables: [String: String]
  var store: ProfileStore
  var log: RequestLog
  /// How long one network exchange may take.
  var deadline: Duration
  /// `--ca-bundle FILE` of this run, which wins over a profile's and the environment's.
  var caBundle: String?

  /// The environment of this process, with the profile store it names.
  static func current(configDirectory: URL? = nil) throws -> AppEnvironment {
    let variables = ProcessInfo.processInfo.environment
    let store =
      try configDirectory.map { ProfileStore(directory: $0) } ?? ProfileStore(environment: variables)
    return AppEnvironment(variables: variables, store: store, log: RequestLog(), deadline: .seconds(10))
  }

  /// A client for one instance that logs into this run's request log; `profileBundle` is the
  /// CA bundle saved in the profile, if any.
  func client(for instance: URL, apiVersion: String?, profileBundle: String? = nil) -> ServiceNowClient {
    let bundle = CABundle.choose(flag: caBundle, profile: profileBundle, environment: variables)
    return ServiceNowClient(
      instance: instance, apiVersion: apiVersion, log: log, deadline: deadline,
      proxy: ProxyEnvironment(variables), tls: TransportOptions(caBundle: bundle?.path),
      userAgent: "snowgate/\(CommandLineTool.version)")
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
