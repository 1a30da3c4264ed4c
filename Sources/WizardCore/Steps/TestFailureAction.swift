import Vocabulary

/// What the person can do after a failed connection test.
public enum TestFailureAction: Equatable, Sendable {
  case editCredentials
  case editInstance
  case retry
  /// Explicit: the only way to save a connection whose test failed.
  case saveAnyway

  /// The choices for a verdict, the screen that fixes it first (so Enter goes there; `r` retries).
  public static func choices(for verdict: Verdict) -> [TestFailureAction] {
    let code = verdict.code
    let prefix = code.split(separator: ".").first.map(String.init) ?? ""
    if prefix == "auth" || prefix == "oauth" || code == "api.forbidden" || code == "api.scope_missing" {
      return [.editCredentials, .retry, .saveAnyway]
    }
    if ["url", "dns", "tcp", "tls", "proxy", "instance"].contains(prefix) {
      return [.editInstance, .retry, .saveAnyway]
    }
    if prefix == "api" { return [.retry, .editCredentials, .saveAnyway] }
    return [.retry, .editInstance, .saveAnyway]
  }

  public var title: String {
    switch self {
    case .editCredentials: return "Change the user name or password"
    case .editInstance: return "Change the instance address"
    case .retry: return "Test again"
    case .saveAnyway: return "Save anyway (the connection does not work yet)"
    }
  }
}
