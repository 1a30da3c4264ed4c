/// Why the OS keyring cannot keep snowgate's secrets right now, in words for people.
///
/// Never carries a secret or the keyring tool's raw output.
public enum KeyringProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// The tool snowgate talks to the keyring with (`secret-tool`, `security`) is not installed.
  case toolMissing(tool: String)
  /// No D-Bus session bus: a login over SSH, a container, a service without a desktop session.
  case noSessionBus
  /// A session bus exists, but no program on it provides the Secret Service.
  case noKeyringService
  /// The keyring service runs but has no default keyring (a new account's "login" keyring is
  /// made by the first desktop sign-in) and cannot make one without a prompt.
  case noDefaultKeyring
  /// The keyring is locked and cannot be unlocked here (no one to answer the unlock prompt).
  case locked
  /// Someone dismissed the keyring's unlock prompt.
  case promptDismissed
  /// The tool did not answer in time (often an unlock prompt nobody sees).
  case timedOut(tool: String, seconds: Double)
  /// The tool failed in a way snowgate does not recognise (status nil: it could not be started,
  /// was killed, or wrote far too much).
  case failed(tool: String, status: Int32?)

  /// One or two sentences: what happened, why probably, and what to do.
  public var description: String {
    switch self {
    case .toolMissing(let tool):
      "The keyring cannot be used: the \(tool) command is not installed. Install it (Debian/Ubuntu: "
        + "apt install libsecret-tools) or keep the secrets in the credentials file (--store file)."
    case .noSessionBus:
      "The keyring cannot be used: there is no D-Bus session here (usual over SSH, in containers and "
        + "services). Sign in to a desktop session, start one with dbus-run-session, or keep the secrets "
        + "in the credentials file (--store file)."
    case .noKeyringService:
      "The keyring cannot be used: no keyring service (such as gnome-keyring or KeePassXC) runs in this "
        + "session. Start one, or keep the secrets in the credentials file (--store file)."
    case .noDefaultKeyring:
      "The keyring service has no default keyring yet, and cannot make one here because no prompt can "
        + "be shown. Sign in to a desktop session once (or run gnome-keyring-daemon --unlock), or keep the "
        + "secrets in the credentials file (--store file)."
    case .locked:
      "The keyring is locked and cannot be unlocked here, because no unlock prompt can be shown. Unlock "
        + "it in the desktop session (or with gnome-keyring-daemon --unlock), then try again."
    case .promptDismissed:
      "The keyring's unlock prompt was dismissed, so the secret was not read or saved. Try again and "
        + "unlock the keyring."
    case .timedOut(let tool, let seconds):
      "The keyring did not answer within \(Int(seconds)) seconds (\(tool) was stopped); an unlock prompt "
        + "may be waiting where no one sees it. Unlock the keyring, then try again."
    case .failed(let tool, let status):
      "The keyring refused the request (\(tool) "
        + (status.map { "exited with status \($0)" } ?? "could not be run to the end")
        + "). Check that the keyring works, e.g. with seahorse or secret-tool search service snowgate."
    }
  }
}
