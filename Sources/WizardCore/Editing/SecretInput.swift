/// An editable secret field: the secret and where the cursor is.
public struct SecretInput: Equatable, Sendable {
  public var secret: SecretText
  public var cursor: Int

  public init(_ secret: SecretText = .empty, cursor: Int? = nil) {
    self.secret = secret
    self.cursor = cursor ?? secret.count
  }

  /// Applies an editing key exactly as a plain field would; returns whether it was one.
  public mutating func apply(_ key: Key) -> Bool {
    var plain = TextInput(secret.revealed, cursor: cursor)
    guard plain.apply(key) else { return false }
    secret = SecretText(plain.text)
    cursor = plain.cursor
    return true
  }
}
