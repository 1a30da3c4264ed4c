import Vocabulary

/// The auth-type screen's state.
public struct AuthTypeStep: Equatable, Sendable {
  public var focus: AuthKind
  /// The kind chosen with Enter, nil until then.
  public var selected: AuthKind?

  public init(focus: AuthKind = .basic, selected: AuthKind? = nil) {
    self.focus = focus
    self.selected = selected
  }
}
