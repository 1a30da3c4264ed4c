import Foundation

/// Something the runtime should do; it answers with an event when there is a result.
public enum WizardEffect: Equatable, Sendable {
  /// Unauthenticated look at the base address; answer `.probeFinished`.
  case probeInstance(URL)
  /// Sign in and read a table; answer `.testFinished`.
  case testConnection(ConnectionDraft)
  /// Save the profile and its secrets; answer `.saveFinished`.
  case saveProfile(ProfileDraft)
  /// Load a saved profile with its secrets for editing; answer `.profileLoaded` or `.profileLoadFailed`.
  case loadProfile(name: String)
  /// Leave the wizard and run the diagnosis of a saved profile (`snowgate check NAME`).
  case diagnose(profileName: String)
  /// Stop the work in flight; its result, if it still arrives, is ignored.
  case cancel(OperationKind)
  /// Restore the terminal and exit.
  case quit(ExitStatus)
}
