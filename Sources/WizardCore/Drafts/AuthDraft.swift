/// How a connection signs in, with its secrets.
public enum AuthDraft: Equatable, Sendable {
  case basic(username: String, password: SecretText)

  public var kind: AuthKind {
    switch self {
    case .basic: return .basic
    }
  }
}
