/// What the person can do after a failed connection test.
public enum TestFailureAction: Equatable, Sendable {
  case editCredentials
  case editInstance
  case retry
  /// Explicit: the only way to save a connection whose test failed.
  case saveAnyway

  /// The choices for a verdict, the likeliest fix first (so Enter does the right thing).
  public static func choices(for verdict: Verdict) -> [TestFailureAction] {
    if verdict.code.hasPrefix("auth.") || verdict.code.hasPrefix("oauth.") {
      return [.editCredentials, .retry, .saveAnyway]
    }
    if verdict.code.hasPrefix("api.") { return [.retry, .editCredentials, .saveAnyway] }
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
