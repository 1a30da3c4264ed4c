/// The browser sign-in screen's state.
public struct AuthorizationStep: Equatable, Sendable {
  public var status: AuthorizationStatus
  /// `p` while waiting: the person pastes the URL the browser was sent to.
  public var isPasting: Bool
  public var pasted: TextInput
  /// Why the paste was refused after Enter (empty).
  public var pasteError: String?

  public init(
    status: AuthorizationStatus = .idle, isPasting: Bool = false, pasted: TextInput = TextInput(),
    pasteError: String? = nil
  ) {
    self.status = status
    self.isPasting = isPasting
    self.pasted = pasted
    self.pasteError = pasteError
  }
}
