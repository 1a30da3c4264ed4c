/// The fields of the credentials screen (the kinds without OAuth); each kind shows some of them
/// (`AuthKind.credentialFields`).
public enum CredentialsField: Equatable, Sendable {
  case username
  case password
  /// The REST API key, sent as the `x-sn-apikey` header.
  case apiKey
}
