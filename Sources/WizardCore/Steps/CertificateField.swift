/// The fields of the client certificate screen, in focus order.
public enum CertificateField: Equatable, Sendable, CaseIterable {
  case certificateFile
  case keyFile
  case passphrase
}
