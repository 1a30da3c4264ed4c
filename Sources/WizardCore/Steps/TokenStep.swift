import Vocabulary

/// The token screen's state: the request's result and the access token's countdown.
public struct TokenStep: Equatable, Sendable {
  public var status: TokenStatus
  /// The client input the status belongs to; a different one makes it stale.
  public var source: OAuthClientDraft?
  /// The first tick after the tokens arrived: the countdown's origin.
  public var receivedAtTick: Duration?
  /// Whole seconds since then, from the latest tick.
  public var secondsSinceReceipt: Int

  public init(
    status: TokenStatus = .idle, source: OAuthClientDraft? = nil, receivedAtTick: Duration? = nil,
    secondsSinceReceipt: Int = 0
  ) {
    self.status = status
    self.source = source
    self.receivedAtTick = receivedAtTick
    self.secondsSinceReceipt = secondsSinceReceipt
  }

  /// The tokens, when some were received.
  public var tokens: TokenSet? {
    if case .received(let tokens) = status { return tokens }
    return nil
  }

  /// Seconds until the access token expires, by the latest tick (negative once expired).
  public var secondsLeft: Int? {
    guard let tokens else { return nil }
    return tokens.lifetimeSeconds - secondsSinceReceipt
  }
}
