/// What the TCP connector saw: each address's attempt, and the one that connected first.
public struct TCPConnectOutcome: Sendable, Equatable {
  public var attempts: [AddressAttempt]
  public var elapsedMilliseconds: Int

  public init(attempts: [AddressAttempt], elapsedMilliseconds: Int) {
    self.attempts = attempts
    self.elapsedMilliseconds = elapsedMilliseconds
  }

  /// The address that connected, if any.
  public var connected: ResolvedAddress? {
    attempts.first { $0.attempt == .connected }?.address
  }
}
