import Hashing
import Platform
import Profiles
import ServiceNowClient
import TextSafety
import Vocabulary
import WizardCore

/// "Create the OAuth client on the instance for me": the wizard's admin check and the creation
/// of the `oauth_entity` record, through the same sign-in (`AdminAccess`), reader
/// (`SetupReader`) and writer (`SetupChange.apply`) as `check --instance-setup` and `--fix`.
///
/// The client ID and secret are made here, from the system's random source
/// (`SystemRandomNumberGenerator`: getrandom(2), i.e. /dev/urandom), and only once the person
/// said yes. Field names: SERVICENOW.md ("What an admin sets up") and the simulator's
/// oauth_entity (`user` is the OAuth Application User, a sys_user reference; `client_type`
/// `integration_as_a_user` as a public onboarding runbook writes it through the Table API).
enum OAuthClientCreator {
  /// The property that switches the client-credentials grant on (SERVICENOW.md).
  static let property = InstanceSetupAudit.clientCredentialsProperty

  /// Signs in as the admin and reads what the review shows: whether oauth_entity may be read
  /// (no admin rights: a refusal, in sentences), and the client-credentials property.
  static func check(_ request: OAuthClientCreation, environment: AppEnvironment) async -> AdminCheckOutcome {
    let (signedIn, problem) = await signIn(request, environment: environment)
    guard let access = signedIn else { return .refused(problem ?? unknownSignIn) }
    var reader = SetupReader(access: access)
    let readable = await reader.read(
      "oauth_entity", fields: ["sys_id"], wouldTell: "whether this sign-in may manage OAuth clients")
    if let verdict = refusal(reader, admin: access.name) { return .refused(verdict) }
    guard readable != nil else {
      return .refused(
        Verdict(code: "setup.unreadable", summary: "The instance did not answer the read of oauth_entity."))
    }
    guard request.record.kind == .oauthClientCredentials else {
      return .ready(adminName: access.name, propertyValue: nil, propertyKnown: false)
    }
    let rows = await reader.read(
      "sys_properties", query: "name=" + property, fields: ["sys_id", "value"],
      wouldTell: "whether the client-credentials grant is switched on")
    if let failure = reader.failure { return .refused(Outcomes.verdict(failure)) }
    // The value is the instance's: made visible and bounded before the review shows it.
    let value = rows?.first?["value"].map { String(UntrustedText.visible($0).prefix(40)) }
    return .ready(adminName: access.name, propertyValue: value, propertyKnown: rows != nil)
  }

  /// Creates the record (and sets the property when asked); the person said yes to exactly this.
  static func create(_ request: OAuthClientCreation, environment: AppEnvironment) async
    -> OAuthClientCreationOutcome
  {
    let (signedIn, problem) = await signIn(request, environment: environment)
    guard let access = signedIn else { return .failed(problem ?? unknownSignIn) }
    var reader = SetupReader(access: access)
    let record = request.record
    let clientID = randomHex(bytes: 16)
    let secret = Secret(Base64URL.encode(randomBytes(32)))
    environment.log.remember(secret)
    var fields: [String: String] = [
      "name": record.name, "client_id": clientID, "public_client": record.publicClient ? "true" : "false",
      "access_token_lifespan": String(record.accessTokenLifespan),
      "refresh_token_lifespan": String(record.refreshTokenLifespan), "active": "true", "type": "client",
    ]
    if let redirect = record.redirectURL { fields["redirect_url"] = redirect }
    if let user = record.applicationUser {
      guard let name = SetupReader.queryValue(user) else {
        return .failed(Verdict(code: "setup.bad_user", summary: "A user name cannot hold ^, = or commas."))
      }
      let rows = await reader.read(
        "sys_user", query: "user_name=" + name, fields: ["sys_id"], wouldTell: "the sys_id of \(user)")
      if let verdict = refusal(reader, admin: access.name) { return .failed(verdict) }
      guard let userID = rows?.first?["sys_id"] else {
        return .failed(
          Verdict(
            code: "setup.no_such_user", summary: "There is no user \(user) on the instance.",
            remedies: [
              "Type the user name (user_name) of an existing user as the OAuth Application User,",
              "or create one: All > User Administration > Users > New.",
            ]))
      }
      fields["user"] = userID
      fields["client_type"] = "integration_as_a_user"
    }
    let client = SetupChange(
      table: "oauth_entity", sysID: nil, fields: fields, summary: "create the OAuth client “\(record.name)”",
      secrets: ["client_secret": secret])
    if case .failure(let failure) = await client.apply(as: access) {
      var remedies = failure.remedies
      remedies.append("Or create it by hand: \(SetupPaths.newOAuthRecord).")
      return .failed(
        Verdict(
          code: failure.code, summary: "The instance did not create the OAuth client: \(failure.summary)",
          remedies: remedies))
    }
    var notes: [String] = []
    if request.enableClientCredentials {
      notes.append(await enableProperty(&reader, access: access))
    }
    return .created(clientID: clientID, clientSecret: secret, notes: notes)
  }

  /// Sets the client-credentials property to true; the sentence says what happened.
  private static func enableProperty(_ reader: inout SetupReader, access: AdminAccess) async -> String {
    let rows = await reader.read(
      "sys_properties", query: "name=" + property, fields: ["sys_id"],
      wouldTell: "whether the property exists")
    let change = SetupChange(
      table: "sys_properties", sysID: rows?.first?["sys_id"],
      fields: rows?.first?["sys_id"] == nil
        ? ["name": property, "value": "true", "type": "true|false"] : ["value": "true"],
      summary: "set \(property) to true")
    switch await change.apply(as: access) {
    case .success:
      return "\(property) is now true."
    case .failure(let failure):
      return
        "\(property) could not be set (\(failure.summary)); \(SetupPaths.property(property, value: "true"))."
    }
  }

  private static let unknownSignIn = Verdict(code: "setup.sign_in", summary: "The admin could not sign in.")

  /// The admin sign-in as Table API credentials, or why there is none.
  private static func signIn(_ request: OAuthClientCreation, environment: AppEnvironment) async -> (
    AdminAccess?, Verdict?
  ) {
    switch request.admin {
    case .basic(let username, let password):
      return (
        AdminAccess.basic(
          instance: request.instanceURL, apiVersion: request.apiVersion, username: username,
          password: password,
          environment: environment), nil
      )
    case .profile(let name):
      let profile: Profile
      do {
        guard let found = try environment.store.load().profile(named: name) else {
          return (
            nil, Verdict(code: "profile.not_found", summary: "There is no saved connection named \(name).")
          )
        }
        profile = found
      } catch {
        return (nil, EffectPerformer.storeVerdict(error))
      }
      switch await AdminAccess.signIn(profile, environment: environment) {
      case .failure(let problem):
        return (
          nil,
          Verdict(
            code: "setup.sign_in", summary: problem.text,
            remedies: [
              "Run snowgate check \(name) to see why, or sign in with an admin's user name and password."
            ])
        )
      case .success(let access):
        return (access, nil)
      }
    }
  }

  /// The reader's first problem as a sentence for people: no admin rights, or the failure.
  private static func refusal(_ reader: SetupReader, admin: String) -> Verdict? {
    if let failure = reader.failure { return Outcomes.verdict(failure) }
    guard let refused = reader.refusals.first else { return nil }
    return Verdict(
      code: "setup.not_admin",
      summary:
        "\(admin) may not read \(refused.table) on this instance: "
        + "\(String(UntrustedText.visible(refused.answer).prefix(300))).",
      remedies: [
        "Sign in as a user with the admin role, or choose a saved connection that has it.",
        "Or ask an admin to create the client: \(SetupPaths.newOAuthRecord).",
      ])
  }

  private static func randomBytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
  }

  /// Lower-case hex, the shape of the client IDs the Application Registry generates.
  private static func randomHex(bytes count: Int) -> String {
    randomBytes(count).map { byte in
      let digits = Array("0123456789abcdef")
      return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }.joined()
  }
}
