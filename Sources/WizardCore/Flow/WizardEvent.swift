import Platform
import Vocabulary

/// Something that happened: a key, a tick of the clock, or the result of an effect.
public enum WizardEvent: Equatable, Sendable {
  /// Sent once by the runtime before anything else. `prefilledInstance` fills the instance field
  /// (`snowgate demo`); `profileName` fills the save screen's name (`snowgate setup NAME`), or,
  /// when a saved profile has that name, opens it for editing (effect `.loadProfile`). A new
  /// name, or any `prefill`, skips the welcome screen and opens the instance screen filled in.
  case start(
    savedProfiles: [ProfileChoice], prefilledInstance: String? = nil, profileName: String? = nil,
    prefill: SetupPrefill = SetupPrefill(), context: WizardContext = WizardContext())
  case key(Key)
  /// The answer of one operation (any of the result events below), tagged by the runtime with
  /// the operation that asked for it; dropped unless that operation is still the one in flight.
  indirect case result(of: OperationID, WizardEvent)
  /// The runtime's monotonic time (any fixed origin), about every 100 ms while
  /// `WizardState.needsTicks` is true (work in flight, or a token countdown on screen).
  case tick(Duration)
  case probeFinished(ProbeOutcome)
  /// Part of the probe's answer, before `.probeFinished`: the login pages redirect to an
  /// identity provider (single sign-on).
  case singleSignOnFound(IdentityProviderRedirect)
  /// A check of the connection test started or finished; `.testFinished` still ends the run.
  case checkProgress(CheckLineUpdate)
  case testFinished(TestOutcome)
  case saveFinished(SaveOutcome)
  case profileLoaded(SavedProfile)
  case profileLoadFailed(Verdict)
  /// The answer to `.requestToken`, `.completeAuthorization`, or the loopback listener's
  /// exchange of the code it received.
  case tokenFinished(TokenOutcome)
  /// The answer to `.startAuthorization`: the browser was sent to `authorizeURL` (or could not
  /// be opened) and the listener waits on `listeningOn` (e.g. 127.0.0.1:8484) for `timeoutSeconds`.
  case authorizationStarted(authorizeURL: URL, listeningOn: String, timeoutSeconds: Int)
  /// The browser flow ended without a code: timeout, wrong or missing state, denied, bad paste.
  case authorizationFailed(Verdict)
  /// The renderer could scroll only this far (the body has fewer lines than asked for): the
  /// runtime says so after drawing, so that PgDn after too many PgUp moves at once.
  case scrollSettled(Int)
  /// The answer to `.checkKeyring`: nil when the keyring can keep secrets, else why it cannot
  /// (a sentence for people, never the tool's raw output).
  case keyringChecked(problem: String?)
  /// The answer to `.moveBrokenConfigAside`.
  case brokenConfigMoved(MoveAsideOutcome)
  /// The answer to `.checkAdmin`.
  case adminChecked(AdminCheckOutcome)
  /// The answer to `.createOAuthClient`.
  case oauthClientCreated(OAuthClientCreationOutcome)
  /// The answer to `.checkAgentTransfer`.
  case agentTransferChecked(AgentTransferOutcome)
}
