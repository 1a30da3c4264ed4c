/// The certificate a mutual-TLS sign-in presents: its PEM file, its private key's PEM file, and
/// the key's passphrase when the key is encrypted.
///
/// One type for every path (setup, check, api, the transport's options) so the files and the
/// passphrase travel together. Only the paths are ever saved in a profile; the passphrase is a
/// `Secret` from the environment, stdin or the profile's store, never from argv.
public struct ClientCertificate: Sendable, Equatable {
  /// The client certificate (PEM), as an absolute path.
  public var certificateFile: String
  /// The private key of the certificate (PEM), as an absolute path; the same file is allowed.
  public var keyFile: String
  /// The passphrase of an encrypted key; nil for a key without one.
  public var passphrase: Secret?

  public init(certificateFile: String, keyFile: String, passphrase: Secret? = nil) {
    self.certificateFile = certificateFile
    self.keyFile = keyFile
    self.passphrase = passphrase
  }
}
