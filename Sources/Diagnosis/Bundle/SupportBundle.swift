import Platform
import TextSafety

/// The support bundle of `snowgate check --bundle FILE`: one text file to attach to a ticket.
///
/// It holds the JSON verdict, the redacted HTTP exchange, snowgate's version, the OS, TERM,
/// which proxy variables are set (host and port only) and the equivalent curl commands. The file
/// is created with mode 0600 (and set to 0600 before anything is written, should it exist),
/// because even redacted exchanges name users and hosts.
public enum SupportBundle {
  /// Writes the bundle; throws `SupportBundleError` with a sentence for a person.
  public static func write(
    to path: String, report: Report, exchangeLog: String, version: String,
    environment: [String: String], curlCommands: [String]
  ) throws {
    let text = contents(
      report: report, exchangeLog: exchangeLog, version: version, environment: environment,
      curlCommands: curlCommands)
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw SupportBundleError(path: path, reason: systemReason(errno)) }
    defer { close(fd) }
    guard fchmod(fd, 0o600) == 0 else { throw SupportBundleError(path: path, reason: systemReason(errno)) }
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      #if canImport(Glibc)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      #else
        let written = bytes.withUnsafeBytes { Darwin.write(fd, $0.baseAddress, $0.count) }
      #endif
      if written < 0 {
        if errno == EINTR { continue }
        throw SupportBundleError(path: path, reason: systemReason(errno))
      }
      bytes = bytes.dropFirst(written)
    }
  }

  /// The bundle's text, separate from writing it so it can be checked without a file.
  public static func contents(
    report: Report, exchangeLog: String, version: String, environment: [String: String],
    curlCommands: [String]
  ) -> String {
    var lines = [
      "snowgate support bundle",
      "snowgate version: \(version)",
      "created: \(Date().formatted(.iso8601))",
      "os: \(operatingSystem())",
      "TERM: \(environment["TERM"].map { $0.isEmpty ? "(empty)" : $0 } ?? "(not set)")",
      "proxy variables: \(proxyVariables(environment))",
      "",
      "== Verdict (snowgate check --json)",
      Scrubber.scrub(JSONReport.render(report)),
      "",
      "== HTTP exchange (secrets redacted)",
      exchangeLog.isEmpty ? "(nothing was sent)" : Scrubber.scrub(exchangeLog),
      "",
      "== Equivalent curl commands",
      "# Secrets come from environment variables; set the ones a command uses first, e.g.",
      "#   read -rs SNOWGATE_PASSWORD; export SNOWGATE_PASSWORD",
    ]
    for variable in CurlCommands.variables { lines.append("#   \(variable.name): \(variable.meaning)") }
    for command in curlCommands { lines += ["", command] }
    // TERM and the proxy variables come from the environment, the log from a server: whatever
    // slipped through, the file a support engineer will `cat` holds no control character.
    return UntrustedText.visible(lines.joined(separator: "\n"), keepingLineBreaks: true) + "\n"
  }

  /// Which proxy variables are set: a proxy's `host:port` only, never its credentials or path.
  static func proxyVariables(_ environment: [String: String]) -> String {
    var shown: [String] = []
    for name in ProxySetting.allVariables {
      guard let value = environment[name], !value.isEmpty else { continue }
      if name.lowercased() == "no_proxy" {
        shown.append("\(name)=\(value.filter { !$0.isWhitespace })")
      } else if let proxy = ProxySetting.parse(value, variable: name) {
        shown.append("\(name)=\(proxy.display)")
      } else {
        shown.append("\(name) (set, unreadable)")
      }
    }
    return shown.isEmpty ? "none" : shown.joined(separator: ", ")
  }

  /// "Linux 6.8.0-45-generic x86_64", from uname(2).
  static func operatingSystem() -> String {
    var names = utsname()
    guard uname(&names) == 0 else { return "unknown" }
    func field<T>(_ value: T) -> String {
      withUnsafeBytes(of: value) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
    }
    return "\(field(names.sysname)) \(field(names.release)) \(field(names.machine))"
  }

  static func systemReason(_ code: Int32) -> String {
    code == ELOOP ? "it is a symbolic link" : String(cString: strerror(code)).lowercased()
  }
}
