import Platform
import Profiles
import ServiceNowClient
import Vocabulary

/// What the commands need from the outside world, gathered once so tests can replace parts.
///
/// The wizard's runtime reaches the network, the clock and the browser only through this, so
/// an in-process test runs the real reducer, runtime and client against a simulator on
/// loopback with nothing else of the machine involved.
struct AppEnvironment: Sendable {
  var variables: [String: String]
  var store: ProfileStore
  var log: RequestLog
  /// How long one network exchange may take.
  var deadline: Duration
  /// How every request goes out.
  var transport: any Transport = CurlTransport.shared
  var clock: AppClock = .system
  /// Opens the browser on a sign-in address (`BrowserOpener` for this process).
  var openBrowser: @Sendable (URL) -> Void = { _ in }
  /// `--ca-bundle FILE` of this run, which wins over a profile's and the environment's.
  var caBundle: String?

  /// The environment of this process, with the profile store it names.
  static func current(configDirectory: URL? = nil) throws -> AppEnvironment {
    let variables = ProcessInfo.processInfo.environment
    let store =
      try configDirectory.map { ProfileStore(directory: $0) } ?? ProfileStore(environment: variables)
    let log = RequestLog()
    DebugStream.attach(to: log, variables: variables)
    return AppEnvironment(
      variables: variables, store: store, log: log, deadline: .seconds(10),
      openBrowser: { _ = BrowserOpener(environment: variables).open($0) })
  }

  /// A client for one instance that logs into this run's request log; `profileBundle` is the
  /// CA bundle saved in the profile, if any, and `certificate` the client certificate every
  /// request presents (a `certificate` connection's sign-in).
  func client(
    for instance: URL, apiVersion: String?, profileBundle: String? = nil,
    certificate: ClientCertificate? = nil
  ) -> ServiceNowClient {
    let bundle = CABundle.choose(flag: caBundle, profile: profileBundle, environment: variables)
    var tls = TransportOptions(caBundle: bundle?.path)
    if let certificate {
      tls.clientCertificate = certificate.certificateFile
      tls.clientKey = certificate.keyFile
      tls.clientKeyPassphrase = certificate.passphrase
    }
    return ServiceNowClient(
      instance: instance, apiVersion: apiVersion, transport: transport, log: log, deadline: deadline,
      proxy: ProxyEnvironment(variables), tls: tls, userAgent: "snowgate/\(CommandLineTool.version)",
      now: clock.now)
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
