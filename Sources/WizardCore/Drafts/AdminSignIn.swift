import Vocabulary

/// Who creates things on the instance for the wizard: an admin's user name and password typed
/// for this one change (kept nowhere), or a saved connection with admin rights.
public enum AdminSignIn: Equatable, Sendable {
  case basic(username: String, password: Secret)
  case profile(name: String)
}
