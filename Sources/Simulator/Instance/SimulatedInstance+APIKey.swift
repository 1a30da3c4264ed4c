import Platform

/// API key sign-in on the Table API: `x-sn-apikey: KEY` or `?x-sn-apikey=KEY`.
extension SimulatedInstance {
  /// What an API key in a request came to.
  enum APIKeyOutcome {
    /// The request carries no API key; other credentials decide.
    case absent
    /// A known, active, unexpired key, allowed by the access policy: the call acts as this user.
    case accepted(userName: String)
    /// A key was sent but is not accepted; the answer is the 401 envelope.
    case rejected(SimulatedResponse)
  }

  /// The longest key value looked at; anything longer cannot be a key.
  static let maximumAPIKeyLength = 1024

  /// Checks the request's API key, if it has one. The header wins over the query parameter.
  func authenticateAPIKey(_ request: HTTPRequest, _ configuration: SimulatorConfiguration) -> APIKeyOutcome {
    guard let sent = request.header("x-sn-apikey") ?? request.queryValue("x-sn-apikey") else {
      return .absent
    }
    let value = PlainString.trimmed(sent)
    let denied = APIKeyOutcome.rejected(InstanceResponses.notAuthenticated())
    guard !value.isEmpty, value.utf8.count <= Self.maximumAPIKeyLength else { return denied }
    let now = state.withLock { $0.now }
    guard let record = configuration.apiKeys.first(where: { $0.key == value }), record.active,
      record.expiresAt.map({ $0 > now }) ?? true,
      configuration.users.contains(where: { $0.userName == record.userName })
    else { return denied }
    // "Token Based Auth isn't allowed in the Global REST API Policy": the key is right, the
    // policy refuses it, and the instance says no more than for a wrong key.
    if configuration.scenarios.contains(.apiKeyNoPolicy) { return denied }
    return .accepted(userName: record.userName)
  }
}
