import Vocabulary

/// An editable secret field: the secret and where the cursor is.
public struct SecretInput: Equatable, Sendable {
  public var secret: Secret
  public var cursor: Int

  public init(_ secret: Secret = .empty, cursor: Int? = nil) {
    self.secret = secret
    self.cursor = cursor ?? secret.count
  }

  /// Applies an editing key exactly as a plain field would; returns whether it was one.
  public mutating func apply(_ key: Key) -> Bool {
    var plain = TextInput(secret.reveal(), cursor: cursor)
    guard plain.apply(key) else { return false }
    secret = Secret(plain.text)
    cursor = plain.cursor
    return true
  }
}
