import Platform
import Vocabulary

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
  /// Run the layered checks of a saved profile (`snowgate check NAME`) as `.checkProgress`
  /// lines, then with `setupAdmin` those of `check NAME --instance-setup --admin ADMIN` (reads
  /// only); answer `.testFinished` with the layered checks' verdict.
  case diagnose(profileName: String, setupAdmin: String? = nil)
  /// Stop the work in flight; its result, if it still arrives, is ignored.
  case cancel(OperationKind)
  /// Restore the terminal and exit.
  case quit(ExitStatus)
  /// Leave full-screen for a moment and print `text` plainly, unwrapped and without box lines,
  /// so a long address can be copied with the mouse; Enter comes back.
  case showPlainText(String)
  /// POST to `<instance>/oauth_token.do`; answer `.tokenFinished`.
  case requestToken(TokenRequestDraft)
  /// Sign a JWT bearer assertion with the key file and POST it to `<instance>/oauth_token.do`;
  /// answer `.tokenFinished` (a key that cannot be used fails with a `jwt.key_*` verdict).
  case requestJWTToken(JWTTokenRequestDraft)
  /// Make the PKCE verifier and state, start the loopback listener on the redirect URI, open the
  /// browser on the authorize URL; answer `.authorizationStarted`, then `.tokenFinished` when the
  /// listener got the code and exchanged it, or `.authorizationFailed`.
  case startAuthorization(AuthorizationDraft)
  /// The user pasted the URL the browser was sent to (or just the code): check the state, stop the
  /// listener, exchange the code; answer `.tokenFinished` or `.authorizationFailed`.
  case completeAuthorization(pasted: String)
  /// Keep a setup quit half way (no secrets in it); no answer. Always followed by `.quit`.
  case saveDraft(SetupDraft)
  /// Ask whether the OS keyring can keep secrets here (it stores and removes a probe item);
  /// answer `.keyringChecked`, untagged.
  case checkKeyring
  /// Rename the unreadable config file to `config.json.broken-TIMESTAMP`; answer `.brokenConfigMoved`.
  case moveBrokenConfigAside
  /// Sign in as the admin and read what creating the client needs; answer `.adminChecked`.
  case checkAdmin(OAuthClientCreation)
  /// Make the client ID and secret, create the record (and set the property); answer
  /// `.oauthClientCreated`. Only ever sent after the person's yes.
  case createOAuthClient(OAuthClientCreation)
  /// Run `check --for agent-transfer [--webhook URL]` for a saved profile, and with `fix` make
  /// its changes first (only ever after the person's yes); answer `.agentTransferChecked`.
  case checkAgentTransfer(profileName: String, webhook: String?, group: String, member: String?, fix: Bool)
}
