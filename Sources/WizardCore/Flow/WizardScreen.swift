/// The screens of the wizard, in flow order.
public enum WizardScreen: Equatable, Sendable {
  case welcome
  /// Choose a saved profile to edit or diagnose (see `ProfilePickerStep.purpose`).
  case pickProfile
  case instance
  case authType
  /// The sign-in of the kinds without OAuth: Basic's user and password, an API key, or a client
  /// certificate's files and the key's passphrase.
  case credentials
  /// OAuth: client ID, secret, scope and the grant's own fields.
  case oauthClient
  /// OAuth: what will be sent, Generate, the tokens that came back.
  case token
  /// OAuth browser flow: waiting for the redirect, or pasting the URL.
  case authorization
  case test
  case save
  case done
  /// The live checks of one saved profile, from the welcome screen.
  case diagnose
  /// OAuth: create the client on the instance as an admin (from the OAuth client screen).
  case createOAuthClient
  /// After saving: the instance's live-agent-transfer setup, checked and fixed after a yes.
  case agentTransfer

  /// "Step N of M" position in the Basic flow, nil outside the numbered flow.
  public var stepNumber: Int? {
    switch self {
    case .instance: return 1
    case .authType: return 2
    case .credentials, .oauthClient, .createOAuthClient: return 3
    case .test, .token, .authorization: return 4
    case .save: return 5
    case .welcome, .pickProfile, .done, .diagnose, .agentTransfer: return nil
    }
  }

  /// "Step N of M" position in the OAuth flow (client, token, test, save), nil outside it.
  public var oauthStepNumber: Int? {
    switch self {
    case .test: return 5
    case .save: return 6
    default: return stepNumber
    }
  }

  /// How many numbered steps the Basic flow has.
  public static let stepCount = 5
  /// How many numbered steps an OAuth flow has (the token step comes before the test).
  public static let oauthStepCount = 6
}
