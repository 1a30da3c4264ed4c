import Vocabulary

/// What `ClientCertificateCheck` found in usable client certificate files.
public struct ClientCertificateReport: Sendable, Equatable {
  /// The certificate's subject, issuer and validity, as `openssl x509` read them.
  public var certificate: PresentedCertificate
  /// Things worth saying that do not stop the sign-in (a key other users may read).
  public var warnings: [String]

  public init(certificate: PresentedCertificate, warnings: [String] = []) {
    self.certificate = certificate
    self.warnings = warnings
  }
}
