/// The fields of the Basic credentials screen, in focus order.
public enum CredentialsField: Equatable, Sendable {
  case username
  case password
}
