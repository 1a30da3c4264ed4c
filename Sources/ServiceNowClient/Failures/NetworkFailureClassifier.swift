import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Turns what a transport threw into a failure a person can act on.
///
/// On Linux every URLError comes from libcurl: the code says little (every TLS failure is -1)
/// and libcurl's own sentence is in the message, so TLS failures are told apart by that text.
/// Those sentences come from libcurl and OpenSSL/GnuTLS and have been stable for years;
/// they are read as hints in a fixed order, and anything unrecognised stays `tls.failed`.
public struct NetworkFailureClassifier: Sendable {
  public var proxy: ProxyEnvironment

  public init(proxy: ProxyEnvironment = ProxyEnvironment()) {
    self.proxy = proxy
  }

  /// The failure for `error`, thrown while sending a request to `url`.
  public func classify(_ error: any Error, url: URL?) -> ServiceNowFailure {
    if let failure = error as? ServiceNowFailure {
      return failure
    }
    if let deadline = error as? DeadlineExceeded {
      if deadline.connected == false {
        return ServiceNowFailure(
          .tcpTimeout,
          detail: "No answer within \(Self.format(deadline.deadline)), and \(Self.endpoint(url)) "
            + "does not accept TCP connections.")
      }
      return ServiceNowFailure(
        .httpTimeout, detail: "No complete answer within \(Self.format(deadline.deadline)).")
    }
    if error is CancellationError {
      return ServiceNowFailure(.cancelled)
    }
    let nsError = error as NSError
    let text = Self.messages(of: nsError).joined(separator: " | ")
    let host = url?.host ?? "the instance"
    let proxyHost = url.flatMap { proxy.proxyHost(for: $0) }
    let lower = text.lowercased()

    if let proxyHost, lower.contains("proxy") || Self.proxyBlamingCodes.contains(nsError.code) {
      return ServiceNowFailure(.proxyFailed, detail: "Proxy \(proxyHost): \(Self.clean(text))")
    }
    if nsError.domain == NSURLErrorDomain || error is URLError {
      switch nsError.code {
      case NSURLErrorCancelled:
        return ServiceNowFailure(.cancelled)
      case NSURLErrorBadURL, NSURLErrorUnsupportedURL:
        return ServiceNowFailure(.urlInvalid, detail: Self.clean(text))
      case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed:
        return ServiceNowFailure(.dnsNotFound, detail: "\(host) did not resolve.")
      case NSURLErrorCannotConnectToHost:
        return ServiceNowFailure(.tcpRefused, detail: "Connection to \(Self.endpoint(url)) was refused.")
      case NSURLErrorTimedOut:
        let connectPhase = lower.contains("connect") || lower.contains("resolv")
        return ServiceNowFailure(
          connectPhase ? .tcpTimeout : .httpTimeout, detail: Self.clean(text))
      case NSURLErrorNetworkConnectionLost, NSURLErrorNotConnectedToInternet:
        return ServiceNowFailure(.tcpFailed, detail: Self.clean(text))
      case NSURLErrorHTTPTooManyRedirects, NSURLErrorRedirectToNonExistentLocation:
        return ServiceNowFailure(.httpBadResponse, detail: "The server keeps redirecting.")
      case NSURLErrorBadServerResponse, NSURLErrorZeroByteResource, NSURLErrorCannotParseResponse:
        return ServiceNowFailure(
          .instanceUnavailable,
          detail: "\(host) closed the connection without answering (\(Self.clean(text))).")
      case NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasUnknownRoot,
        NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateNotYetValid:
        return ServiceNowFailure(.tlsUntrusted, detail: Self.clean(text))
      case NSURLErrorSecureConnectionFailed, NSURLErrorClientCertificateRejected,
        NSURLErrorClientCertificateRequired:
        return tlsFailure(lower, text: text)
      default:
        break
      }
    }
    if Self.looksLikeTLS(lower) {
      return tlsFailure(lower, text: text)
    }
    return ServiceNowFailure(.tcpFailed, detail: Self.clean(text))
  }

  /// URLError codes that, with a proxy configured, mean the proxy itself failed: libcurl
  /// connects to and resolves only the proxy, never the instance.
  private static let proxyBlamingCodes: Set<Int> = [
    NSURLErrorCannotConnectToHost, NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed,
  ]

  private func tlsFailure(_ lower: String, text: String) -> ServiceNowFailure {
    let mismatch = [
      "no alternative certificate subject name", "does not match target host", "subject name",
      "hostname mismatch", "host name mismatch",
    ]
    if mismatch.contains(where: lower.contains) {
      return ServiceNowFailure(.tlsHostnameMismatch, detail: Self.clean(text))
    }
    let untrusted = [
      "ssl certificate problem", "self signed", "self-signed", "unable to get local issuer",
      "unable to verify the first certificate", "certificate verify failed", "certificate has expired",
      "certificate is not yet valid", "peer certificate cannot be authenticated",
      "server certificate verification failed", "issuer certificate", "unknown ca",
    ]
    if untrusted.contains(where: lower.contains) {
      return ServiceNowFailure(.tlsUntrusted, detail: Self.clean(text))
    }
    return ServiceNowFailure(.tlsFailed, detail: Self.clean(text))
  }

  private static func looksLikeTLS(_ lower: String) -> Bool {
    ["ssl", "tls", "certificate", "handshake"].contains(where: lower.contains)
  }

  /// The texts an error carries: its description, libcurl's message, underlying errors.
  private static func messages(of error: NSError) -> [String] {
    var texts: [String] = []
    if let described = error.userInfo[NSLocalizedDescriptionKey] as? String {
      texts.append(described)
    }
    texts.append(error.localizedDescription)
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
      texts += messages(of: underlying)
    }
    var seen = Set<String>()
    return texts.filter { !$0.isEmpty && seen.insert($0).inserted }
  }

  /// Keeps a message short and free of URLs' query strings (they can hold a token).
  private static func clean(_ text: String) -> String {
    let withoutQueries = text.replacingOccurrences(
      of: #"\?[^\s"']*"#, with: "?…", options: .regularExpression)
    return String(withoutQueries.prefix(300))
  }

  private static func endpoint(_ url: URL?) -> String {
    guard let url, let host = url.host else { return "the instance" }
    let port = url.port ?? (url.scheme == "http" ? 80 : 443)
    return "\(host):\(port)"
  }

  static func format(_ duration: Duration) -> String {
    let parts = duration.components
    let seconds = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    return seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
  }
}
