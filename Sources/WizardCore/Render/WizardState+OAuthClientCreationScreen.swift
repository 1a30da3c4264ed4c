import Vocabulary

extension WizardState {
  func oauthClientCreationScreen() -> ScreenModel {
    let step = oauthClientCreation
    var host = "the instance"
    if case .success(let address) = instance.normalised { host = address.host }
    switch step.phase {
    case .signIn, .checking:
      return creationSignInScreen(host: host)
    case .review(let adminName, let value, let known):
      return creationReviewScreen(
        host: host, adminName: adminName, propertyValue: value, propertyKnown: known)
    case .creating(let adminName):
      var model = creationReviewScreen(
        host: host, adminName: adminName, propertyValue: "true", propertyKnown: false)
      model.progress = ScreenProgress(label: "Creating the OAuth client on \(host)…")
      model.hints = [Hints.quit]
      return model
    }
  }

  private func creationSignInScreen(host: String) -> ScreenModel {
    let step = oauthClientCreation
    var items: [ScreenItem] = [.text("Sign in as an admin of \(host):", .emphasis)]
    var focus: Int?
    let admins =
      [("An admin's user name and password", "used once, kept nowhere")]
      + step.adminProfiles.map { ("The saved connection \(DisplayText.sanitised($0))", "if it is an admin") }
    for (index, admin) in admins.enumerated() {
      if step.focus == .admins, index == step.adminChoice { focus = items.count }
      items.append(
        .choice(ChoiceModel(label: admin.0, detail: admin.1, isSelected: index == step.adminChoice)))
    }
    func error(_ field: OAuthClientCreationField) -> String? { step.focus == field ? step.fieldError : nil }
    if step.adminChoice == 0 {
      if step.focus == .username { focus = items.count }
      items.append(
        .field(
          FieldModel(
            label: "Admin user", display: DisplayText.sanitised(step.username.text),
            cursor: step.username.cursor,
            placeholder: "e.g. admin", error: error(.username))))
      if step.focus == .password { focus = items.count }
      let secret = step.password.secret
      items.append(
        .field(
          FieldModel(
            label: "Password",
            display: step.isPasswordRevealed
              ? DisplayText.sanitised(secret.reveal()) : DisplayText.bullets(secret.count),
            cursor: step.password.cursor, isSecret: true, isRevealed: step.isPasswordRevealed,
            error: error(.password))))
    }
    if authType.selected == .oauthClientCredentials {
      if step.focus == .applicationUser { focus = items.count }
      items.append(
        .field(
          FieldModel(
            label: "App user", display: DisplayText.sanitised(step.applicationUser.text),
            cursor: step.applicationUser.cursor, placeholder: "e.g. integration.user",
            note: "The OAuth Application User: the user the tokens act as.", error: error(.applicationUser))))
    }
    items.append(.text("The record it would create:", .emphasis))
    // What an empty field keeps: the proposed name and ServiceNow's default lifespans.
    let proposed = (
      name: proposedOAuthClientRecord.name, access: OAuthClientRecord.defaultAccessLifespan,
      refresh: OAuthClientRecord.defaultRefreshLifespan
    )
    let recordFields: [(OAuthClientCreationField, String, TextInput, String)] = [
      (.recordName, "Record name", step.recordName, "empty: " + proposed.name),
      (
        .accessLifespan, "Access token", step.accessLifespan,
        "empty: " + Self.lifespan(proposed.access) + "; in seconds"
      ),
      (
        .refreshLifespan, "Refresh token", step.refreshLifespan,
        "empty: " + Self.lifespan(proposed.refresh) + "; in seconds"
      ),
    ]
    for (field, label, input, placeholder) in recordFields {
      if step.focus == field { focus = items.count }
      items.append(
        .field(
          FieldModel(
            label: label, display: DisplayText.sanitised(input.text), cursor: input.cursor,
            placeholder: placeholder, error: error(field))))
    }
    var messages: [ScreenMessage] = []
    if let failure = step.failure {
      messages.append(ScreenMessage(kind: .error, title: failure.summary, lines: failure.remedies))
    }
    var progress: ScreenProgress?
    var hints: [KeyHint]
    if step.phase == .checking {
      progress = ScreenProgress(label: "Signing in to \(host) and reading its OAuth setup…")
      hints = [Hints.cancel, Hints.quit]
    } else {
      hints = [KeyHint("Tab", "Next")]
      if step.focus == .password {
        hints.append(KeyHint("Ctrl-R", step.isPasswordRevealed ? "Hide" : "Show"))
      }
      hints += [KeyHint("Enter", "Continue"), Hints.back, Hints.help]
    }
    return ScreenModel(
      id: "create-oauth-client", title: "Create the OAuth client",
      intro: [
        "snowgate signs in as an admin, shows the record it would create, and creates it only "
          + "after you say yes."
      ],
      items: items, focus: focus, messages: messages, progress: progress, hints: hints)
  }

  private func creationReviewScreen(
    host: String, adminName: String, propertyValue: String?, propertyKnown: Bool
  ) -> ScreenModel {
    let record = proposedOAuthClientRecord
    var items: [ScreenItem] = [
      .text("Name           " + DisplayText.sanitised(record.name), .normal),
      .text("For            " + (record.kind.grantType ?? record.kind.word) + " grant", .normal),
      .text(
        "Redirect URL   "
          + (record.redirectURL.map(DisplayText.sanitised) ?? "none (this grant has no browser step)"),
        .normal),
      .text(
        "Public client  " + (record.publicClient ? "yes" : "no; a strong random secret is made here"), .normal
      ),
      .text("Access token   lives " + Self.lifespan(record.accessTokenLifespan), .normal),
      .text("Refresh token  lives " + Self.lifespan(record.refreshTokenLifespan), .normal),
    ]
    if let user = record.applicationUser {
      items.append(.text("App user       " + DisplayText.sanitised(user), .normal))
    }
    items.append(.text("Client ID      made here (random); filled in with the secret", .dim))
    var focus: Int?
    if record.kind == .oauthClientCredentials {
      let property = "glide.oauth.inbound.client.credential.grant_type.enabled"
      if !propertyKnown {
        items.append(.text("\(property): could not be read.", .warning))
      } else if propertyValue == "true" {
        items.append(.text("\(property) is true.", .success))
      } else {
        items.append(
          .text(
            "\(property) is \(propertyValue.map { "“\(DisplayText.sanitised($0))”" } ?? "not set"): "
              + "the grant is refused until it is true.", .warning))
      }
      if offersProperty(propertyValue: propertyValue) {
        focus = items.count
        items.append(
          .choice(
            ChoiceModel(
              label: "Also set it to true", detail: "in sys_properties; Space changes this",
              isSelected: oauthClientCreation.enableProperty)))
      }
    }
    var hints = [KeyHint("y", "Create it"), KeyHint("n", "Don't")]
    if offersProperty(propertyValue: propertyValue) { hints.append(KeyHint("Space", "Property")) }
    hints += [Hints.back, Hints.help]
    return ScreenModel(
      id: "create-oauth-client-review", title: "Create the OAuth client",
      intro: [
        "As \(DisplayText.sanitised(adminName)), snowgate will create this record in oauth_entity "
          + "(System OAuth > Application Registry) on \(host). Nothing is written until you press y."
      ],
      items: items, focus: focus, hints: hints)
  }

  /// `1800 s (30 minutes)`, `8640000 s (100 days)`.
  static func lifespan(_ seconds: Int) -> String {
    func count(_ number: Int, _ unit: String) -> String { "\(number) \(unit)\(number == 1 ? "" : "s")" }
    let words: String
    if seconds % 86_400 == 0, seconds >= 86_400 {
      words = count(seconds / 86_400, "day")
    } else if seconds % 3600 == 0, seconds >= 3600 {
      words = count(seconds / 3600, "hour")
    } else if seconds % 60 == 0 {
      words = count(seconds / 60, "minute")
    } else {
      return "\(seconds) s"
    }
    return "\(seconds) s (\(words))"
  }
}
