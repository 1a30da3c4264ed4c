import Platform
import Vocabulary

/// Turns what a transport threw into a failure a person can act on.
///
/// Reads libcurl's error code (CURLcode), the system's errno of a failed connect and
/// OpenSSL's certificate verify result, never message text: libcurl's sentence is kept only as
/// the detail a person reads. On a TLS failure the certificates the server presented are
/// named, so an SSL-inspection proxy names itself.
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
    if let tooLarge = error as? ResponseTooLarge {
      let what = tooLarge.part == .headers ? "headers" : "body"
      return ServiceNowFailure(
        .httpTooLarge,
        detail: "The answer's \(what) passed snowgate's limit of \(Self.size(tooLarge.limit)); "
          + "reading stopped there.")
    }
    if error is CancellationError {
      return ServiceNowFailure(.cancelled)
    }
    guard let curl = error as? CurlFailure else {
      return ServiceNowFailure(.tcpFailed, detail: Self.clean(String(describing: error)))
    }
    return classify(curl, url: url)
  }

  // CURLcode values (curl/curl.h); stable since libcurl 7.x.
  private enum Code {
    static let unsupportedProtocol = 1
    static let malformedURL = 3
    static let proxyNotResolved = 5
    static let hostNotResolved = 6
    static let couldNotConnect = 7
    static let weirdReply = 8
    static let http2 = 16
    static let partialFile = 18
    static let outOfMemory = 27
    static let abortedByCallback = 42
    static let sslConnect = 35
    static let peerVerification51 = 51
    static let gotNothing = 52
    static let sendError = 55
    static let receiveError = 56
    static let sslCertificateProblem = 58
    static let sslCipher = 59
    static let peerVerification = 60
    static let badContentEncoding = 61
    static let sslCACertificateFile = 77
    static let sslIssuer = 83
    static let http2Stream = 92
    static let proxy = 97
  }

  private func classify(_ curl: CurlFailure, url: URL?) -> ServiceNowFailure {
    let host = url?.host ?? "the instance"
    let message = Self.clean(curl.message)
    if let proxyHost = url.flatMap({ proxy.proxyHost(for: $0) }) {
      let blamesProxy =
        [Code.proxyNotResolved, Code.couldNotConnect, Code.proxy, Code.hostNotResolved].contains(curl.code)
        || curl.proxyStatus >= 300
      if blamesProxy {
        return ServiceNowFailure(.proxyFailed, detail: "Proxy \(proxyHost): \(message)")
      }
    }
    switch curl.code {
    case Code.unsupportedProtocol, Code.malformedURL:
      return ServiceNowFailure(.urlInvalid, detail: message)
    case Code.proxyNotResolved, Code.proxy:
      return ServiceNowFailure(.proxyFailed, detail: message)
    case Code.hostNotResolved:
      return ServiceNowFailure(.dnsNotFound, detail: "\(host) did not resolve.")
    case Code.couldNotConnect:
      // ECONNREFUSED: something answered with a reset; anything else (no route, unreachable).
      if curl.osErrno == Int(ECONNREFUSED) || curl.osErrno == 0 {
        return ServiceNowFailure(.tcpRefused, detail: "Connection to \(Self.endpoint(url)) was refused.")
      }
      return ServiceNowFailure(.tcpFailed, detail: message)
    case Code.gotNothing:
      return ServiceNowFailure(
        .instanceUnavailable, detail: "\(host) closed the connection without answering (\(message)).")
    case Code.weirdReply, Code.http2, Code.http2Stream, Code.badContentEncoding:
      return ServiceNowFailure(.httpBadResponse, detail: message)
    case Code.outOfMemory:
      // libcurl refuses to grow its buffer for one giant header line (over 100 KB).
      return ServiceNowFailure(
        .httpTooLarge, detail: "The answer's headers passed libcurl's limit; reading stopped there.")
    case Code.abortedByCallback:
      return ServiceNowFailure(.cancelled)
    case Code.peerVerification, Code.peerVerification51:
      return verificationFailure(curl, message: message)
    case Code.sslCertificateProblem:
      // CURLE_SSL_CERTPROBLEM: libcurl could not load our own certificate or key (a wrong
      // passphrase, a key of another certificate), so nothing reached the server.
      return ServiceNowFailure(
        .certificateUnusable, detail: "libcurl could not use the client certificate or key: \(message)")
    case Code.sslConnect, Code.sslCipher, Code.sslCACertificateFile, Code.sslIssuer:
      var failure = ServiceNowFailure(.tlsFailed, detail: Self.withChain(message, curl.presented))
      failure.presentedChain = curl.presented
      return failure
    case Code.receiveError where curl.timings?.tls != nil && curl.timings?.firstByte == nil,
      Code.sendError where curl.timings?.tls != nil && curl.timings?.firstByte == nil:
      // The TLS session was set up and then ended before any answer: with TLS 1.3 a server
      // that demands a client certificate (or refuses ours) says so only after the handshake.
      return ServiceNowFailure(
        .tlsClientCertificateRefused,
        detail: "The server ended the TLS session right after the handshake, before answering; "
          + "it requires a client certificate it trusts. (\(message))")
    case Code.sendError, Code.receiveError, Code.partialFile:
      return ServiceNowFailure(.tcpFailed, detail: message)
    default:
      return ServiceNowFailure(.tcpFailed, detail: message)
    }
  }

  /// CURLE_PEER_FAILED_VERIFICATION, told apart by OpenSSL's X509 verify result. libcurl
  /// checks the host name itself after OpenSSL verified the chain, and then reports 1
  /// (X509_V_ERR_UNSPECIFIED, seen with libcurl 7.88) or leaves 0; 62 is OpenSSL's own verdict.
  private func verificationFailure(_ curl: CurlFailure, message: String) -> ServiceNowFailure {
    let detail = Self.withChain(message, curl.presented)
    let code: FailureCode
    switch curl.verifyResult {
    case 0, 1, 62: code = .tlsHostnameMismatch
    case 9, 10: code = .tlsExpired
    default: code = .tlsUntrusted
    }
    var failure = ServiceNowFailure(code, detail: detail)
    failure.presentedChain = curl.presented
    return failure
  }

  /// libcurl's sentence and the presented certificates, leaf first.
  static func withChain(_ message: String, _ chain: [PresentedCertificate]) -> String {
    guard let leaf = chain.first else { return message }
    var text = message.isEmpty ? "" : message + ". "
    text += "The server presented: \(leaf.summary)"
    for certificate in chain.dropFirst() {
      text += "; then \(certificate.summary)"
    }
    return text + "."
  }

  /// Keeps a message short and free of URLs' query strings (they can hold a token).
  /// A query is a `?` and what follows it up to white space or a quote: it becomes `?…`.
  private static func clean(_ text: String) -> String {
    var withoutQueries = String.UnicodeScalarView()
    var inQuery = false
    for scalar in text.unicodeScalars {
      if inQuery {
        if !scalar.properties.isWhitespace, scalar != "\"", scalar != "'" { continue }
        inQuery = false
      }
      if scalar == "?" {
        inQuery = true
        withoutQueries.append(contentsOf: "?…".unicodeScalars)
      } else {
        withoutQueries.append(scalar)
      }
    }
    return String(String(withoutQueries).prefix(300))
  }

  private static func endpoint(_ url: URL?) -> String {
    guard let url, let host = url.host else { return "the instance" }
    let port = url.port ?? (url.scheme == "http" ? 80 : 443)
    return "\(host):\(port)"
  }

  private static func size(_ bytes: Int) -> String {
    bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MiB" : "\(bytes / 1024) KiB"
  }

  static func format(_ duration: Duration) -> String {
    let parts = duration.components
    let seconds = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    return seconds == seconds.rounded() ? "\(Int(seconds)) s" : PlainString.fixed(seconds, decimals: 1) + " s"
  }
}
