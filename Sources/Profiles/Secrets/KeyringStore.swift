import Platform
import SystemCommands
import Vocabulary

/// The OS keyring as a secret store: the Secret Service through `secret-tool`, or on macOS the
/// login keychain through `security`.
///
/// Each secret is one item with the attributes service=snowgate, profile=NAME and kind=KIND
/// (`password`, `client_secret`, `refresh_token`, `access_token`: `SecretKind.commandName`),
/// the same ones a `.command` store's `secret-tool lookup service snowgate profile {profile}
/// kind {secret}` reads. On macOS the item is the generic password of service `snowgate` and
/// account `PROFILE/KIND`.
///
/// Secrets reach the tool on standard input, never in argv (which any user can read in /proc).
/// The tools run through `SystemCommand`: no shell, no `SNOWGATE_*` variables, 64 KiB of output
/// at most, and a deadline. Every call blocks its thread until the tool ends (up to `deadline`),
/// like the rest of the synchronous profile store; call it off the cooperative pool.
///
/// A locked Secret Service answers a lookup as if nothing were stored. A caller that expects a
/// secret and gets nil should ask `availability()` before telling someone the secret is gone.
public struct KeyringStore: Sendable {
  /// The `service` attribute of every item snowgate keeps.
  public static let service = "snowgate"

  /// The environment the tool runs with (PATH finds it; D-Bus variables find the session).
  public var environment: [String: String]
  /// Seconds one call may take, unlock prompt included.
  public var deadline: TimeInterval

  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment, deadline: TimeInterval = 10
  ) {
    self.environment = environment
    self.deadline = deadline
  }

  /// Saves `secret` as the `kind` secret of `profile`, replacing an earlier one.
  public func store(_ secret: Secret, profile: String, kind: SecretKind) throws(KeyringProblem) {
    try store(secret.reveal(), attributes: attributes(profile, kind), label: label(profile, kind))
  }

  /// The `kind` secret of `profile`, or nil when the keyring holds none.
  public func lookup(profile: String, kind: SecretKind) throws(KeyringProblem) -> Secret? {
    try lookup(attributes: attributes(profile, kind)).map(Secret.init)
  }

  /// Removes the `kind` secret of `profile`; nothing to remove is not an error.
  public func clear(profile: String, kind: SecretKind) throws(KeyringProblem) {
    try clear(attributes: attributes(profile, kind))
  }

  /// Whether the keyring can keep secrets here: stores and removes a probe item (which also
  /// finds a locked keyring, which a lookup cannot tell from an empty one).
  public func availability() -> KeyringAvailability {
    if let problem = missingSession() { return .unavailable(problem) }
    let probe = [("service", Self.service), ("probe", "availability")]
    do {
      try store("probe", attributes: probe, label: "snowgate keyring probe")
      try clear(attributes: probe)
      return .available
    } catch {
      return .unavailable(error)
    }
  }

  // MARK: Items

  private func attributes(_ profile: String, _ kind: SecretKind) -> [(String, String)] {
    [("service", Self.service), ("profile", profile), ("kind", kind.commandName)]
  }

  private func label(_ profile: String, _ kind: SecretKind) -> String {
    "snowgate \(profile) \(kind.displayName)"
  }

  #if os(macOS)
    static let tool = "security"

    private func account(_ attributes: [(String, String)]) -> String {
      let values = Dictionary(attributes, uniquingKeysWith: { $1 })
      if let probe = values["probe"] { return "snowgate-probe-" + probe }
      return "\(values["profile"] ?? "")/\(values["kind"] ?? "")"
    }

    /// `security add-generic-password -w` with no value would prompt through /dev/tty, on the
    /// terminal the wizard draws on, and a value after `-w` would sit in argv. So the command goes
    /// to `security -i` on standard input, with the secret hex-encoded (`-X`) so that no quoting
    /// rule of that command line can split or change it.
    private func store(_ value: String, attributes: [(String, String)], label: String) throws(KeyringProblem)
    {
      let hex = value.utf8.map { PlainString.hex(UInt32($0), digits: 2) }.joined()
      let line =
        "add-generic-password -U -s \(Self.service) -a \(account(attributes)) -l \"\(label)\" -X \(hex)\n"
      let result = try run([Self.tool, "-i"], input: Data(utf8Of: line))
      // `security -i` may exit 0 after a failed command; its complaint on stderr tells.
      guard result.succeeded, result.standardError.isEmpty else { throw classify(result) }
    }

    private func lookup(attributes: [(String, String)]) throws(KeyringProblem) -> String? {
      let result = try run([
        Self.tool, "find-generic-password", "-s", Self.service, "-a", account(attributes), "-w",
      ])
      if result.exitStatus == 44 { return nil }  // errSecItemNotFound
      guard result.succeeded else { throw classify(result) }
      var text = String(decoding: result.standardOutput, as: UTF8.self)
      if text.hasSuffix("\n") { text.removeLast() }  // `security -w` ends the value with a newline
      return text.isEmpty ? nil : text
    }

    private func clear(attributes: [(String, String)]) throws(KeyringProblem) {
      let result = try run([
        Self.tool, "delete-generic-password", "-s", Self.service, "-a", account(attributes),
      ])
      if result.exitStatus == 44 { return }
      guard result.succeeded else { throw classify(result) }
    }

    private func missingSession() -> KeyringProblem? {
      SystemCommand.locate(Self.tool, environment: environment) == nil ? .toolMissing(tool: Self.tool) : nil
    }

    private func classify(_ result: SystemCommandOutput) -> KeyringProblem {
      let errors = result.errorText.lowercased()
      if errors.contains("interaction is not allowed") { return .locked }
      if errors.contains("canceled") || errors.contains("cancelled") { return .promptDismissed }
      return .failed(tool: Self.tool, status: result.exitStatus)
    }
  #else
    static let tool = "secret-tool"

    private func flatten(_ attributes: [(String, String)]) -> [String] {
      attributes.flatMap { [$0.0, $0.1] }
    }

    /// secret-tool reads the secret from standard input when it is not a terminal, byte for byte.
    private func store(_ value: String, attributes: [(String, String)], label: String) throws(KeyringProblem)
    {
      let result = try run(
        [Self.tool, "store", "--label=" + label] + flatten(attributes), input: Data(utf8Of: value))
      guard result.succeeded else { throw classify(result) }
    }

    private func lookup(attributes: [(String, String)]) throws(KeyringProblem) -> String? {
      let result = try run([Self.tool, "lookup"] + flatten(attributes))
      // Nothing found: status 1 and not a word on stderr.
      if result.exitStatus == 1 && result.standardError.isEmpty { return nil }
      guard result.succeeded else { throw classify(result) }
      let text = String(decoding: result.standardOutput, as: UTF8.self)
      return text.isEmpty ? nil : text
    }

    private func clear(attributes: [(String, String)]) throws(KeyringProblem) {
      let result = try run([Self.tool, "clear"] + flatten(attributes))
      if result.exitStatus == 1 && result.standardError.isEmpty { return }
      guard result.succeeded else { throw classify(result) }
    }

    /// The reasons known without asking the tool: it is not installed, or there is no session bus.
    private func missingSession() -> KeyringProblem? {
      if SystemCommand.locate(Self.tool, environment: environment) == nil {
        return .toolMissing(tool: Self.tool)
      }
      let address = environment["DBUS_SESSION_BUS_ADDRESS"] ?? ""
      let display = environment["DISPLAY"] ?? ""
      var socket = stat()
      let runtimeBus = environment["XDG_RUNTIME_DIR"].map { $0 + "/bus" }
      let hasRuntimeBus =
        runtimeBus.map { stat($0, &socket) == 0 && (socket.st_mode & S_IFMT) == S_IFSOCK } ?? false
      if address.isEmpty && display.isEmpty && !hasRuntimeBus { return .noSessionBus }
      return nil
    }

    private func classify(_ result: SystemCommandOutput) -> KeyringProblem {
      let errors = result.errorText.lowercased()
      if errors.contains("autolaunch") || errors.contains("connect to socket")
        || errors.contains("could not connect")
        || errors.contains("no such file or directory") && errors.contains("bus")
      {
        return .noSessionBus
      }
      if errors.contains("not provided by any .service files") || errors.contains("serviceunknown") {
        return .noKeyringService
      }
      if errors.contains("locked") { return .locked }
      // "Object does not exist at path /org/freedesktop/secrets/collection/login"
      if errors.contains("does not exist") && errors.contains("collection") { return .noDefaultKeyring }
      if errors.contains("dismissed") || errors.contains("cancel") { return .promptDismissed }
      return .failed(tool: Self.tool, status: result.exitStatus)
    }
  #endif

  private func run(_ arguments: [String], input: Data = Data()) throws(KeyringProblem) -> SystemCommandOutput
  {
    let command = SystemCommand(arguments, input: input, environment: environment, deadline: deadline)
    do {
      return try command.run()
    } catch {
      switch error {
      case .notFound: throw .toolMissing(tool: Self.tool)
      case .timedOut(_, let seconds): throw .timedOut(tool: Self.tool, seconds: seconds)
      case .couldNotStart, .outputTooLarge: throw .failed(tool: Self.tool, status: nil)
      }
    }
  }
}
