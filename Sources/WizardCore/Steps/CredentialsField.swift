/// The fields of the credentials screen (the kinds without OAuth); each kind shows some of them
/// (`AuthKind.credentialFields`).
public enum CredentialsField: Equatable, Sendable {
  case username
  case password
  /// The REST API key, sent as the `x-sn-apikey` header.
  case apiKey
  /// The client certificate (PEM) a certificate connection presents in the TLS handshake.
  case certificateFile
  /// Its private key (PEM).
  case keyFile
  /// The key's passphrase; empty for a key without one.
  case passphrase
}
