import Vocabulary

/// What `snowgate setup NAME --instance URL --auth KIND --username U --client-id ID` fills in.
///
/// As `gh auth login --hostname` does: what a person already knows is given once on the command
/// line, and the wizard asks only for the rest (secrets never come this way).
public struct SetupPrefill: Equatable, Sendable {
  public var instance: String?
  public var authKind: AuthKind?
  public var username: String?
  public var clientID: String?

  public init(
    instance: String? = nil, authKind: AuthKind? = nil, username: String? = nil, clientID: String? = nil
  ) {
    self.instance = instance
    self.authKind = authKind
    self.username = username
    self.clientID = clientID
  }

  /// Nothing given.
  public var isEmpty: Bool { self == SetupPrefill() }
}
