import Platform

/// Turns whatever a person types for "the instance" into one canonical base address.
///
/// People type `dev12345`, `dev12345.service-now.com`, a URL copied from the browser with a UI
/// path, or a custom domain; all of them should work, and everything else should be refused with
/// a sentence, never silently mangled. Decisions worth knowing:
/// - A bare name (one label) means a ServiceNow-hosted instance: `NAME.service-now.com`.
/// - Any path is dropped (instances always live at the root), except `/api/now/vN`, whose
///   version is kept in `apiVersion`. Query and fragment are dropped too: browser URLs carry
///   navigation state there, never part of the address.
/// - Plain `http://` is allowed only for this computer: 127.0.0.0/8 literals, exactly `localhost`
///   and [::1] (the simulator); not `*.localhost` nor `127.attacker.example`, which are names
///   anyone's DNS can answer. A loopback address without a scheme gets `http://`, everything
///   else `https://`.
/// - Backslashes, control and zero-width (format) characters are refused anywhere in the input:
///   browsers read `\` as `/` and invisible characters hide what the host really is.
/// - Non-ASCII host names are refused with a pointer to their `xn--` form rather than converted:
///   a punycode encoder for one rare case is more code than it is worth here.
/// - Userinfo (`user:password@`) is refused without repeating any of it.
public enum InstanceURL {
  /// Longer input is refused before any other work.
  public static let maximumLength = 2000
  /// The domain that bare instance names live under.
  public static let serviceNowDomain = "service-now.com"
  /// An example shown with a rejection, so the person sees what is expected.
  public static let example = "https://dev12345.service-now.com (or just dev12345)"

  public static func normalise(_ input: String) -> Result<NormalisedInstance, InstanceURLError> {
    let trimmed = trimWhitespace(input)
    if trimmed.isEmpty { return .failure(.empty) }
    let length = trimmed.count
    if length > maximumLength { return .failure(.tooLong(characters: length)) }
    for scalar in trimmed.unicodeScalars {
      let value = scalar.value
      if value < 0x20 || (0x7F...0x9F).contains(value) || scalar.properties.generalCategory == .format {
        return .failure(.controlCharacter)
      }
      if scalar.properties.isWhitespace { return .failure(.containsSpace) }
      if scalar == "\\" { return .failure(.backslash) }
    }

    // Scheme.
    var scheme: String?
    var rest = Substring(trimmed)
    if let separator = trimmed.firstRange(of: "://") {
      let candidate = trimmed[trimmed.startIndex..<separator.lowerBound]
      if isSchemeName(candidate) {
        scheme = candidate.lowercased()
        rest = trimmed[separator.upperBound...]
      }
    } else if let colon = trimmed.firstIndex(of: ":") {
      let candidate = trimmed[trimmed.startIndex..<colon].lowercased()
      let after = trimmed[trimmed.index(after: colon)...]
      if candidate == "http" || candidate == "https" {
        return .failure(.malformedScheme)
      }
      if candidate.count >= 2, candidate.allSatisfy({ $0.isASCII && $0.isLetter }),
        let next = after.first, !next.isASCII || !next.isNumber
      {
        return .failure(.unsupportedScheme(String(candidate.prefix(12))))
      }
    }
    if let scheme, scheme != "http", scheme != "https" {
      return .failure(.unsupportedScheme(String(scheme.prefix(12))))
    }

    // Authority, then path.
    let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
    let authority = rest[rest.startIndex..<authorityEnd]
    let pathAndMore = rest[authorityEnd...]
    if authority.contains("@") { return .failure(.credentialsInURL) }

    // Host and port.
    var hostPart: Substring
    var portPart: Substring?
    var isIPv6 = false
    if authority.first == "[" {
      guard let close = authority.firstIndex(of: "]") else { return .failure(.invalidIPv6) }
      hostPart = authority[authority.index(after: authority.startIndex)..<close]
      let after = authority[authority.index(after: close)...]
      if !after.isEmpty {
        guard after.first == ":" else { return .failure(.invalidIPv6) }
        portPart = after.dropFirst()
      }
      isIPv6 = true
    } else {
      let colons = authority.reduce(0) { $1 == ":" ? $0 + 1 : $0 }
      if colons > 1 { return .failure(.ipv6NeedsBrackets) }
      if let colon = authority.firstIndex(of: ":") {
        hostPart = authority[authority.startIndex..<colon]
        portPart = authority[authority.index(after: colon)...]
      } else {
        hostPart = authority
      }
    }

    var port: Int?
    if let portPart {
      guard !portPart.isEmpty, portPart.count <= 5, portPart.allSatisfy({ $0.isASCII && $0.isNumber }),
        let number = Int(portPart), (1...65535).contains(number)
      else { return .failure(.invalidPort) }
      port = number
    }

    var host: String
    if isIPv6 {
      host = hostPart.lowercased()
      guard host.contains(":"), host.count <= 45,
        host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." })
      else { return .failure(.invalidIPv6) }
    } else {
      if hostPart.last == "." { hostPart = hostPart.dropLast() }
      if hostPart.isEmpty { return .failure(.missingHost) }
      if !hostPart.allSatisfy(\.isASCII) { return .failure(.unicodeHost) }
      host = hostPart.lowercased()
      switch validateHostName(host) {
      case .failure(let error): return .failure(error)
      case .success(let hostName): host = hostName
      }
    }

    let isLoopback = isLoopbackHost(host)
    let finalScheme: String
    switch scheme {
    case "http"?:
      guard isLoopback else {
        return .failure(.plainHTTPNotAllowed(suggestion: "https://" + authorityString(host, isIPv6, port)))
      }
      finalScheme = "http"
    case "https"?:
      finalScheme = "https"
    default:
      finalScheme = isLoopback ? "http" : "https"
    }
    if (finalScheme == "https" && port == 443) || (finalScheme == "http" && port == 80) { port = nil }

    return .success(
      NormalisedInstance(
        address: finalScheme + "://" + authorityString(host, isIPv6, port), host: host, port: port,
        apiVersion: apiVersion(in: pathAndMore), isLoopback: isLoopback))
  }

  /// Whether a normalised host is this computer: exactly `localhost`, `::1` or an IPv4 literal
  /// in 127.0.0.0/8 (validated hosts only, so `127.x.y.z` here is always four numbers).
  public static func isLoopbackHost(_ host: String) -> Bool {
    if host == "localhost" || host == "::1" { return true }
    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
    return labels.count == 4 && labels[0] == "127"
      && labels.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
  }

  /// The input as it may be shown back: no `user:password@`, no control or zero-width
  /// characters, and not longer than 80 characters.
  public static func shown(_ text: String) -> String {
    var shown = PlainString.trimmed(text, newlines: true)
    if let at = shown.lastIndex(of: "@") {
      let start = shown.firstRange(of: "://")?.upperBound ?? shown.startIndex
      if start <= at { shown.replaceSubrange(start...at, with: "") }
    }
    shown = String(
      String.UnicodeScalarView(
        shown.unicodeScalars.filter { scalar in
          !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || scalar.properties.generalCategory == .format)
        }))
    return shown.count > 80 ? String(shown.prefix(77)) + "…" : shown
  }

  private static func authorityString(_ host: String, _ isIPv6: Bool, _ port: Int?) -> String {
    let hostText = isIPv6 ? "[" + host + "]" : host
    guard let port else { return hostText }
    return hostText + ":" + String(port)
  }

  private static func trimWhitespace(_ input: String) -> Substring {
    var text = Substring(input)
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return text
  }

  /// RFC 3986 scheme characters: a letter, then letters, digits, `+`, `-` or `.`.
  private static func isSchemeName(_ text: Substring) -> Bool {
    guard let first = text.first, first.isASCII, first.isLetter else { return false }
    return text.allSatisfy {
      $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".")
    }
  }

  /// Checks an ASCII, lower-case host name and expands a bare instance name.
  private static func validateHostName(_ host: String) -> Result<String, InstanceURLError> {
    if host.utf8.count > 253 { return .failure(.hostTooLong) }
    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
    var allNumeric = true
    for label in labels {
      if label.isEmpty { return .failure(.emptyLabel) }
      if label.utf8.count > 63 { return .failure(.labelTooLong) }
      for character in label where !(character.isLetter || character.isNumber || character == "-") {
        return .failure(.invalidHostCharacter(character))
      }
      if label.first == "-" || label.last == "-" { return .failure(.hyphenAtLabelEdge) }
      if !label.allSatisfy(\.isNumber) { allNumeric = false }
    }
    if allNumeric {
      guard labels.count == 4, labels.allSatisfy({ $0.count <= 3 && Int($0).map { $0 <= 255 } == true })
      else { return .failure(.invalidIPv4) }
      return .success(labels.map { String(Int($0)!) }.joined(separator: "."))
    }
    if host == serviceNowDomain { return .failure(.serviceNowDomainOnly) }
    if labels.count == 1 && host != "localhost" { return .success(host + "." + serviceNowDomain) }
    return .success(host)
  }

  /// `v2` from `/api/now/v2/…`, case-insensitively; nil for any other path.
  private static func apiVersion(in pathAndMore: Substring) -> String? {
    guard pathAndMore.first == "/" else { return nil }
    let pathEnd = pathAndMore.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? pathAndMore.endIndex
    let segments = pathAndMore[pathAndMore.startIndex..<pathEnd].split(separator: "/")
    guard segments.count >= 3, segments[0].lowercased() == "api", segments[1].lowercased() == "now"
    else { return nil }
    let version = segments[2].lowercased()
    guard version.count >= 2, version.count <= 4, version.first == "v",
      version.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), version != "v0"
    else { return nil }
    return version
  }
}
