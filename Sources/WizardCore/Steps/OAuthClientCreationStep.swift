import Vocabulary

/// The state of "Create the OAuth client on the instance for me", opened from the OAuth client
/// screen: the admin sign-in, the record under review, the last refusal.
///
/// Nothing is written before `y` on the review; `n` or Esc go back with the instance untouched.
public struct OAuthClientCreationStep: Equatable, Sendable {
  public var phase: OAuthClientCreationPhase
  /// 0 is "type an admin's user name and password"; 1... are `adminProfiles`.
  public var adminChoice: Int
  /// Saved connections of the same instance, by name, offered as the admin sign-in.
  public var adminProfiles: [String]
  public var username: TextInput
  public var password: SecretInput
  public var applicationUser: TextInput
  /// The record's name, typed; empty keeps the proposed "snowgate HOST".
  public var recordName = TextInput()
  /// The lifespans in seconds, typed; empty keeps ServiceNow's defaults (30 minutes, 100 days).
  public var accessLifespan = TextInput()
  public var refreshLifespan = TextInput()
  /// Set the client-credentials property to true along with the record (client credentials).
  public var enableProperty: Bool
  public var focus: OAuthClientCreationField
  public var isPasswordRevealed: Bool
  /// Why the last try was refused (sign-in, rights, network), shown until the next try.
  public var failure: Verdict?
  /// Why a field was refused after Enter.
  public var fieldError: String?
  /// "Created … on the instance", shown on the client and token screens once it was.
  public var createdNote: String? = nil
  /// The client snowgate created, and its refresh token lifespan in seconds, so the token
  /// screen can say when a refresh token of that client expires.
  public var createdClientID: String? = nil
  public var createdRefreshLifespan: Int? = nil

  /// What F1 shows on the create-client screen.
  static let help = [
    "snowgate creates the OAuth client in oauth_entity (System OAuth",
    "> Application Registry) through the Table API, as an admin:",
    "an admin's user name and password typed here (kept nowhere),",
    "or a saved connection of this instance that has admin rights.",
    "",
    "The record's name and token lifespans (seconds) may be typed;",
    "empty fields keep snowgate HOST, 30 minutes and 100 days.",
    "It shows the record first and writes nothing until you press y.",
    "The client ID and a strong random secret are made on this",
    "computer and filled in; the secret is never shown.",
    "Client credentials: the OAuth Application User is the user the",
    "tokens act as; the property",
    "glide.oauth.inbound.client.credential.grant_type.enabled must",
    "be true, and snowgate offers to set it.",
    "Esc goes back to the client fields.",
  ]

  public init(
    phase: OAuthClientCreationPhase = .signIn, adminChoice: Int = 0, adminProfiles: [String] = [],
    username: TextInput = TextInput(), password: SecretInput = SecretInput(),
    applicationUser: TextInput = TextInput(), enableProperty: Bool = true,
    focus: OAuthClientCreationField = .admins, isPasswordRevealed: Bool = false, failure: Verdict? = nil,
    fieldError: String? = nil
  ) {
    self.phase = phase
    self.adminChoice = adminChoice
    self.adminProfiles = adminProfiles
    self.username = username
    self.password = password
    self.applicationUser = applicationUser
    self.enableProperty = enableProperty
    self.focus = focus
    self.isPasswordRevealed = isPasswordRevealed
    self.failure = failure
    self.fieldError = fieldError
  }

  /// The sign-in chosen, or nil while the typed one is incomplete.
  public var admin: AdminSignIn? {
    if adminChoice > 0, adminChoice <= adminProfiles.count {
      return .profile(name: adminProfiles[adminChoice - 1])
    }
    guard !username.text.isEmpty, !password.secret.isEmpty else { return nil }
    return .basic(username: username.text, password: password.secret)
  }
}
