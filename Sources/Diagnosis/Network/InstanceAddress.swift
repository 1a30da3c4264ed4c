import Foundation

/// A normalised instance address: what the user typed, reduced to `scheme://host[:port]`.
///
/// A small local normaliser so the URL check needs no HTTP client: a bare name becomes
/// `https://NAME.service-now.com`, anything else is read as a URL (https assumed), its path and
/// query are dropped, and plain http is accepted only for loopback (the simulator).
public struct InstanceAddress: Sendable, Equatable {
  public var url: URL
  public var scheme: String
  public var host: String
  public var port: Int

  /// An example shown with every rejection, so the person sees what is expected.
  public static let example = "https://dev12345.service-now.com (or just dev12345)"

  /// Parses what a person typed; the error is a sentence for that person.
  public static func parse(_ input: String) -> Result<InstanceAddress, InstanceAddressError> {
    let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isEmpty { return .failure(InstanceAddressError(reason: "The instance address is empty.")) }
    let shown = sanitised(text)
    if text.contains(where: { $0.isWhitespace }) {
      return .failure(InstanceAddressError(reason: "“\(shown)” contains spaces."))
    }
    let candidate: String
    if !text.contains("://") {
      if isBareName(text) {
        candidate = "https://\(text.lowercased()).service-now.com"
      } else {
        candidate = "https://" + text
      }
    } else {
      candidate = text
    }
    guard let components = URLComponents(string: candidate), let scheme = components.scheme?.lowercased()
    else {
      return .failure(InstanceAddressError(reason: "“\(shown)” is not a web address."))
    }
    if components.user != nil || components.password != nil {
      return .failure(
        InstanceAddressError(reason: "The address contains a user name or password; leave them out."))
    }
    var host = (components.host ?? "").lowercased()
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    if host.isEmpty || !isValidHost(host) {
      return .failure(InstanceAddressError(reason: "“\(shown)” has no valid host name."))
    }
    switch scheme {
    case "https": break
    case "http" where isLoopback(host): break
    case "http":
      return .failure(
        InstanceAddressError(reason: "“\(shown)” uses plain http; ServiceNow instances use https."))
    default:
      return .failure(InstanceAddressError(reason: "“\(shown)” is not an http(s) address."))
    }
    let port = components.port ?? (scheme == "https" ? 443 : 80)
    guard (1...65535).contains(port) else {
      return .failure(InstanceAddressError(reason: "“\(shown)” has an impossible port \(port)."))
    }
    let hostPart = host.contains(":") ? "[\(host)]" : host
    let defaultPort = scheme == "https" ? 443 : 80
    let portPart = port == defaultPort ? "" : ":\(port)"
    guard let url = URL(string: "\(scheme)://\(hostPart)\(portPart)") else {
      return .failure(InstanceAddressError(reason: "“\(shown)” is not a web address."))
    }
    return .success(InstanceAddress(url: url, scheme: scheme, host: host, port: port))
  }

  /// Whether `host` is this machine: the only place plain http is allowed.
  public static func isLoopback(_ host: String) -> Bool {
    host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host.hasPrefix("127.")
  }

  /// A name such as `dev12345`: letters, digits and hyphens, no dot, colon or slash.
  static func isBareName(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, isLetter(first) || ("0"..."9").contains(first)
    else { return false }
    return text.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  static func isValidHost(_ host: String) -> Bool {
    if host.contains(":") {
      return host.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || $0 == ":" || $0 == "." }
    }
    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
    return labels.allSatisfy { label in
      !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
        && label.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
  }

  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  /// The input as it may be shown back: no `user:password@`, and not longer than 80 characters.
  static func sanitised(_ text: String) -> String {
    var shown = text
    if let at = shown.lastIndex(of: "@") {
      let start = shown.range(of: "://")?.upperBound ?? shown.startIndex
      if start <= at { shown.replaceSubrange(start...at, with: "") }
    }
    return shown.count > 80 ? String(shown.prefix(77)) + "…" : shown
  }
}
