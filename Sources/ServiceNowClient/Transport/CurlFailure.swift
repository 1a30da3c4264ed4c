import Vocabulary

/// A transfer libcurl ended with an error code, with the facts needed to explain it.
///
/// The classifier reads `code` (CURLcode) and `verifyResult` (OpenSSL's X509 verify code),
/// never the message text, which is kept only to show a person.
public struct CurlFailure: Error, Sendable, Equatable {
  /// The CURLcode, e.g. 6 (host not resolved), 7 (connect failed), 60 (peer verification).
  public var code: Int
  /// libcurl's own sentence for this occurrence.
  public var message: String
  /// OpenSSL's verify result (CURLINFO_SSL_VERIFYRESULT): 10 expired, 18–21 untrusted chain.
  public var verifyResult: Int
  /// The certificates the server presented, leaf first; empty when there was no handshake.
  public var presented: [PresentedCertificate]
  /// The system's errno for a failed connect (CURLINFO_OS_ERRNO): 111 refused, 113 no route.
  public var osErrno: Int
  /// The proxy's answer to CONNECT (CURLINFO_HTTP_CONNECTCODE), 0 when there was none.
  public var proxyStatus: Int
  /// How far the request got, phase by phase, before it failed.
  public var timings: PhaseTimings?

  public init(
    code: Int, message: String = "", verifyResult: Int = 0, presented: [PresentedCertificate] = [],
    osErrno: Int = 0, proxyStatus: Int = 0, timings: PhaseTimings? = nil
  ) {
    self.code = code
    self.message = message
    self.verifyResult = verifyResult
    self.presented = presented
    self.osErrno = osErrno
    self.proxyStatus = proxyStatus
    self.timings = timings
  }
}
