import Foundation
import Vocabulary

@testable import WizardCore

/// Values the flow tests share. The password is a sentinel so leaks can be searched for.
enum Fixtures {
  static let password = "S3CR3T-SENTINEL-pw"
  static let instanceText = "dev12345"
  static let instance = NormalisedInstance(
    address: "https://dev12345.service-now.com", host: "dev12345.service-now.com")
  static let url = URL(string: "https://dev12345.service-now.com")!

  static var draft: ConnectionDraft {
    ConnectionDraft(instanceURL: url, auth: .basic(username: "admin", password: Secret(password)))
  }

  static let verdict401 = Verdict(
    code: "auth.basic_rejected", summary: "The instance refused the user name or password.",
    remedies: ["Check the password; it is case-sensitive."])
  static let verdict403 = Verdict(
    code: "api.forbidden", summary: "Signed in, but the user may not read sys_user.",
    remedies: ["Ask an admin for the role snc_platform_rest_api_access."])
  static let verdictDNS = Verdict(
    code: "dns.not_found", summary: "No such host: dev12345.service-now.com.",
    remedies: ["Check the instance name for typos."])

  /// What quitting a Basic setup from `state(on:)` keeps: no password, and the step it was on.
  static func basicDraftSummary(step: String) -> SetupDraft {
    SetupDraft(
      name: "dev12345", instanceURL: URL(string: "https://dev12345.service-now.com")!, authType: .basic,
      username: "admin", step: step)
  }

  static let profiles = [
    ProfileChoice(name: "prod", instance: "https://acme.service-now.com", authKind: .basic),
    ProfileChoice(name: "dev12345", instance: "https://dev12345.service-now.com", authKind: .basic),
  ]

  /// A state on `screen` with a valid instance and complete Basic credentials, as the flow leaves it.
  static func state(on screen: WizardScreen, profiles: [ProfileChoice] = []) -> WizardState {
    var state = WizardState(screen: screen, savedProfiles: profiles)
    state.instance = InstanceStep(text: instanceText)
    state.instance.input = TextInput(instanceText)
    state.instance.probe = .finished(instance, .reachable)
    state.authType = AuthTypeStep(focus: .basic, selected: .basic)
    state.credentials = CredentialsStep(
      username: TextInput("admin"), password: SecretInput(Secret(password)), focus: .password)
    state.hasUnsavedChanges = true
    // A keyring that answered: the save screen asks nothing more before the file is used
    // (`KeyringConsentFlowTests` walks what happens without one).
    state.save.keyring = .available
    return state
  }
}

/// OAuth values the flow tests share; every secret is a sentinel.
enum OAuthFixtures {
  static let clientSecret = "S3CR3T-SENTINEL-client"
  static let password = "S3CR3T-SENTINEL-oauthpw"
  static let refreshToken = "S3CR3T-SENTINEL-refresh-in"
  static let accessToken = "S3CR3T-SENTINEL-access"
  static let issuedRefreshToken = "S3CR3T-SENTINEL-refresh-out"
  static let obtainedAt = Date(timeIntervalSince1970: 1_795_809_600)  // 2026-11-27 20:00:00 UTC

  static let tokens = TokenSet(
    tokenType: "Bearer", scope: "useraccount", expiresAt: obtainedAt.addingTimeInterval(1799),
    obtainedAt: obtainedAt, accessToken: Secret(accessToken), refreshToken: Secret(issuedRefreshToken)
  )
  static let clientCredentialTokens = TokenSet(
    tokenType: "Bearer", scope: "", expiresAt: obtainedAt.addingTimeInterval(1799), obtainedAt: obtainedAt,
    accessToken: Secret(accessToken))

  static let accessDenied = Verdict(
    code: "oauth.access_denied", summary: "The instance refused the token request (401 access_denied).",
    remedies: ["The client secret is wrong.", "The user's password is wrong.", "The client ID is wrong."])

  /// A state on `screen` with a valid instance and every client field filled for `kind`.
  static func state(_ kind: AuthKind, on screen: WizardScreen) -> WizardState {
    var state = Fixtures.state(on: screen)
    state.credentials = CredentialsStep()
    state.authType = AuthTypeStep(focus: kind, selected: kind)
    state.oauthClient = OAuthClientStep(
      clientID: TextInput("client-1"), clientSecret: SecretInput(Secret(clientSecret)),
      username: TextInput("admin"), password: SecretInput(Secret(password)),
      refreshToken: SecretInput(Secret(refreshToken)))
    state.oauthClient.jwtKeyFile = TextInput("/home/ada/.snowgate/jwt.pem")
    state.oauthClient.jwtKeyID = TextInput("kid-1")
    return state
  }

  /// The client draft `state(kind, on:)` describes.
  static func clientDraft(_ kind: AuthKind) -> OAuthClientDraft {
    state(kind, on: .token).oauthClientDraft
  }

  /// A state on `screen` whose token screen holds `tokens` for the current input.
  static func withTokens(_ kind: AuthKind, on screen: WizardScreen, tokens: TokenSet = tokens)
    -> WizardState
  {
    var state = state(kind, on: screen)
    state.token = TokenStep(status: .received(tokens), source: state.oauthClientDraft)
    return state
  }

  static let authorizeURL = URL(
    string: "https://dev12345.service-now.com/oauth_auth.do?response_type=code&client_id=client-1"
      + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8484%2Fcallback&state=abc&code_challenge=xyz"
      + "&code_challenge_method=S256")!
  static let session = AuthorizationSession(
    authorizeURL: authorizeURL, listeningOn: "127.0.0.1:8484", timeoutSeconds: 300)

  /// Everything a screen model or a state shows, as text, to search for leaks.
  static func text(of state: WizardState) -> String {
    var text = ""
    dump(state, to: &text)
    dump(screenModel(for: state), to: &text)
    return text + "\(state)" + String(reflecting: state)
  }
}
