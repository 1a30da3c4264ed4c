import Vocabulary

extension Profile {
  /// The certificate a `certificate` profile presents, with its key's passphrase (from the
  /// environment or the store); nil for the other kinds or a profile without both files.
  public func clientCertificate(passphrase: Secret?) -> ClientCertificate? {
    guard authType == .certificate, let clientCertificateFile = connection.clientCertificateFile,
      let clientKeyFile = connection.clientKeyFile
    else { return nil }
    return ClientCertificate(
      certificateFile: clientCertificateFile, keyFile: clientKeyFile,
      passphrase: passphrase.flatMap { $0.isEmpty ? nil : $0 })
  }
}
