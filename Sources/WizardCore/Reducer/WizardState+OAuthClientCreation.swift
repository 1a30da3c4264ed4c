import Platform
import Vocabulary

extension WizardState {
  static let adminUsernameMissing = "Type the user name of an admin of this instance."
  static let adminPasswordMissing = "Type that admin's password."
  static let applicationUserMissing =
    "Name the OAuth Application User: the user the client's tokens act as, e.g. integration.user."
  /// Lifespans a person may type: a minute to ten years.
  static let lifespanRange = 60...315_360_000
  static let lifespanNotSeconds =
    "Type the lifespan in seconds, from 60 to 315360000 (ten years), or leave it empty for the default."
  static let recordNameTooLong = "A record name of at most 80 characters, please."

  /// Opens "Create the OAuth client on the instance for me" from the client screen.
  mutating func openOAuthClientCreation() {
    guard case .success(let address) = instance.normalised else {
      go(to: .instance)
      return
    }
    var step = oauthClientCreation
    step.phase = .signIn
    step.failure = nil
    step.fieldError = nil
    step.adminProfiles = savedProfiles.filter { profile in
      profile.isComplete && profile.authKind != nil
        && InstanceURL.normalise(profile.instance).map { $0.host == address.host && $0.port == address.port }
          == .success(true)
    }.map(\.name)
    if step.adminChoice > step.adminProfiles.count { step.adminChoice = 0 }
    step.focus = .admins
    oauthClientCreation = step
    go(to: .createOAuthClient)
  }

  /// The record as the review shows it and the runtime creates it.
  var proposedOAuthClientRecord: OAuthClientRecord {
    let kind = authType.selected ?? .oauthPassword
    var host = "instance"
    if case .success(let address) = instance.normalised {
      host = address.host.split(separator: ".").first.map(String.init) ?? address.host
    }
    let redirect = oauthClient.redirectURI.text
    var record = OAuthClientRecord(
      name: "snowgate \(host)", kind: kind,
      redirectURL: kind == .oauthAuthorizationCode
        ? (Self.isLoopbackRedirect(redirect) ? redirect : OAuthClientStep.defaultRedirectURI) : nil,
      applicationUser: kind == .oauthClientCredentials ? oauthClientCreation.applicationUser.text : nil)
    let step = oauthClientCreation
    if !step.recordName.text.trimmingSpaces.isEmpty { record.name = step.recordName.text.trimmingSpaces }
    record.accessTokenLifespan = Self.typedLifespan(step.accessLifespan) ?? record.accessTokenLifespan
    record.refreshTokenLifespan = Self.typedLifespan(step.refreshLifespan) ?? record.refreshTokenLifespan
    return record
  }

  /// A typed lifespan within `lifespanRange`, or nil (empty, not a number, out of range).
  static func typedLifespan(_ input: TextInput) -> Int? {
    guard let seconds = Int(input.text.trimmingSpaces), lifespanRange.contains(seconds) else { return nil }
    return seconds
  }

  /// Why a typed record field cannot be used, with the field; nil when all can.
  private var creationRecordProblem: (OAuthClientCreationField, String)? {
    let step = oauthClientCreation
    if step.recordName.text.trimmingSpaces.count > 80 { return (.recordName, Self.recordNameTooLong) }
    for field in [OAuthClientCreationField.accessLifespan, .refreshLifespan] {
      let input = field == .accessLifespan ? step.accessLifespan : step.refreshLifespan
      if !input.text.trimmingSpaces.isEmpty, Self.typedLifespan(input) == nil {
        return (field, Self.lifespanNotSeconds)
      }
    }
    return nil
  }

  /// The fields of the sign-in phase, in focus order.
  private var creationStops: [OAuthClientCreationField] {
    var stops: [OAuthClientCreationField] = [.admins]
    if oauthClientCreation.adminChoice == 0 { stops += [.username, .password] }
    if authType.selected == .oauthClientCredentials { stops.append(.applicationUser) }
    return stops + [.recordName, .accessLifespan, .refreshLifespan]
  }

  mutating func oauthClientCreationKey(_ key: Key) -> [WizardEffect] {
    switch oauthClientCreation.phase {
    case .signIn: return creationSignInKey(key)
    case .checking:
      if key == .escape { return cancelActivity() }
      return []
    case .review(let adminName, let value, let known):
      return creationReviewKey(key, adminName: adminName, propertyValue: value, propertyKnown: known)
    case .creating:
      // A write in flight is not cancelled half way; Ctrl-C still quits.
      return []
    }
  }

  private mutating func creationSignInKey(_ key: Key) -> [WizardEffect] {
    let stops = creationStops
    switch key {
    case .escape:
      go(to: .oauthClient)
      return []
    case .tab:
      oauthClientCreation.focus = Self.step(stops, from: oauthClientCreation.focus, by: 1)
      return []
    case .backTab:
      oauthClientCreation.focus = Self.step(stops, from: oauthClientCreation.focus, by: -1)
      return []
    case .up, .down:
      if oauthClientCreation.focus == .admins {
        let count = oauthClientCreation.adminProfiles.count + 1
        oauthClientCreation.adminChoice =
          (oauthClientCreation.adminChoice + (key == .down ? 1 : count - 1)) % count
      } else {
        oauthClientCreation.focus = Self.step(
          stops, from: oauthClientCreation.focus, by: key == .down ? 1 : -1)
      }
      return []
    case .toggleReveal where oauthClientCreation.focus == .password:
      oauthClientCreation.isPasswordRevealed.toggle()
      return []
    case .enter:
      return submitCreationSignIn(stops)
    default:
      break
    }
    let changed: Bool
    switch oauthClientCreation.focus {
    case .admins: changed = false
    case .username: changed = Self.edit(&oauthClientCreation.username, key)
    case .password: changed = Self.edit(&oauthClientCreation.password, key)
    case .applicationUser: changed = Self.edit(&oauthClientCreation.applicationUser, key)
    case .recordName: changed = Self.edit(&oauthClientCreation.recordName, key)
    case .accessLifespan: changed = Self.edit(&oauthClientCreation.accessLifespan, key)
    case .refreshLifespan: changed = Self.edit(&oauthClientCreation.refreshLifespan, key)
    }
    if changed { oauthClientCreation.fieldError = nil }
    return []
  }

  /// Enter on the sign-in: the first empty field gets the focus, else the admin is checked.
  private mutating func submitCreationSignIn(_ stops: [OAuthClientCreationField]) -> [WizardEffect] {
    let step = oauthClientCreation
    let missing: [(OAuthClientCreationField, String)] = [
      (.username, step.username.text.isEmpty ? Self.adminUsernameMissing : ""),
      (.password, step.password.secret.isEmpty ? Self.adminPasswordMissing : ""),
      (.applicationUser, step.applicationUser.text.isEmpty ? Self.applicationUserMissing : ""),
    ].filter { stops.contains($0.0) && !$0.1.isEmpty }
    if let (field, problem) = missing.first {
      oauthClientCreation.focus = field
      // Enter on the list or a filled field just moves on; an empty field says why.
      oauthClientCreation.fieldError = step.focus == field ? problem : nil
      return []
    }
    if let (field, problem) = creationRecordProblem {
      oauthClientCreation.focus = field
      oauthClientCreation.fieldError = problem
      return []
    }
    guard let creation = creationRequest(enableProperty: false) else { return [] }
    oauthClientCreation.fieldError = nil
    oauthClientCreation.failure = nil
    oauthClientCreation.isPasswordRevealed = false
    oauthClientCreation.phase = .checking
    begin(.instanceSetup)
    return [.checkAdmin(creation)]
  }

  private func creationRequest(enableProperty: Bool) -> OAuthClientCreation? {
    guard case .success(let address) = instance.normalised, let admin = oauthClientCreation.admin else {
      return nil
    }
    return OAuthClientCreation(
      instanceURL: address.url, apiVersion: address.apiVersion, admin: admin,
      record: proposedOAuthClientRecord,
      enableClientCredentials: enableProperty)
  }

  /// Whether the review offers to switch the client-credentials property on.
  func offersProperty(propertyValue: String?) -> Bool {
    authType.selected == .oauthClientCredentials && propertyValue != "true"
  }

  private mutating func creationReviewKey(
    _ key: Key, adminName: String, propertyValue: String?, propertyKnown: Bool
  ) -> [WizardEffect] {
    switch key {
    case .character("y"), .character("Y"):
      let enable = offersProperty(propertyValue: propertyValue) && oauthClientCreation.enableProperty
      guard let creation = creationRequest(enableProperty: enable) else { return [] }
      oauthClientCreation.phase = .creating(adminName: adminName)
      begin(.instanceSetup)
      return [.createOAuthClient(creation)]
    case .character("n"), .character("N"), .escape:
      // No: nothing was written; back to the client fields.
      oauthClientCreation.phase = .signIn
      go(to: .oauthClient)
      return []
    case .character(" ") where offersProperty(propertyValue: propertyValue):
      oauthClientCreation.enableProperty.toggle()
      return []
    default:
      return []
    }
  }

  mutating func adminChecked(_ outcome: AdminCheckOutcome) -> [WizardEffect] {
    guard activity?.kind == .instanceSetup, oauthClientCreation.phase == .checking else { return [] }
    activity = nil
    switch outcome {
    case .ready(let adminName, let value, let known):
      oauthClientCreation.phase = .review(adminName: adminName, propertyValue: value, propertyKnown: known)
    case .refused(let verdict):
      oauthClientCreation.phase = .signIn
      oauthClientCreation.failure = verdict
    }
    return []
  }

  mutating func oauthClientCreated(_ outcome: OAuthClientCreationOutcome) -> [WizardEffect] {
    guard activity?.kind == .instanceSetup, case .creating = oauthClientCreation.phase else { return [] }
    activity = nil
    oauthClientCreation.phase = .signIn
    switch outcome {
    case .failed(let verdict):
      oauthClientCreation.failure = verdict
      return []
    case .created(let clientID, let secret, let notes):
      let record = proposedOAuthClientRecord
      oauthClient.clientID = TextInput(clientID)
      oauthClient.clientSecret = SecretInput(secret)
      if let redirect = record.redirectURL { oauthClient.redirectURI = TextInput(redirect) }
      oauthClient.errors = [:]
      oauthClientCreation.createdClientID = clientID
      oauthClientCreation.createdRefreshLifespan = record.refreshTokenLifespan
      oauthClientCreation.createdNote =
        (["Created “\(record.name)” on the instance; its client ID and secret are filled in."] + notes)
        .joined(separator: " ")
      hasUnsavedChanges = true
      let kind = record.kind
      if let missing = kind.clientFields.first(where: { oauthClientProblem($0, kind: kind) != nil }) {
        // The grant's own fields (a user's name and password) are still to be typed.
        oauthClient.focus = missing
        go(to: .oauthClient)
      } else {
        enterToken()
      }
      return []
    }
  }

  /// The work in flight was cancelled (Esc while checking): back to the sign-in.
  mutating func instanceSetupCancelled() {
    if oauthClientCreation.phase == .checking { oauthClientCreation.phase = .signIn }
    if agentTransfer?.isRunning == true { agentTransfer?.status = .idle }
  }
}
