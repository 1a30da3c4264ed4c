import Diagnosis
import Platform
import Profiles
import ServiceNowClient
import Vocabulary
import WizardCore

/// `check NAME --instance-setup`: the profile's OAuth record as the instance holds it, line by line.
///
/// Field names of `oauth_entity` are SERVICENOW.md's ("What an admin sets up") and the
/// simulator's (Sources/Simulator/Instance/SimulatedTable.swift: `user` is the OAuth
/// Application User). Enforce Token Restrictions and the Token Format have no sourced field
/// name, so the record is read whole and those lines are checked only when a field of a
/// plausible name is there; otherwise they say "not checked" and why.
struct InstanceSetupAudit: Sendable {
  /// The profile being checked (its client ID, redirect URI, auth kind).
  var profile: Profile
  /// When this profile's refresh token stops working, when it was recorded.
  var refreshTokenExpiresAt: Date?
  var now: Date

  /// Under this many seconds left, the refresh token's expiry is a warning.
  static let refreshWarning: TimeInterval = 7 * 86_400

  /// Field names tried for Enforce Token Restrictions and the Token Format (not sourced).
  static let restrictionFields = ["enforce_token_restriction", "enforce_token_restrictions"]
  static let formatFields = ["access_token_format", "token_format"]

  /// The property that switches the client-credentials grant on (SERVICENOW.md).
  static let clientCredentialsProperty = "glide.oauth.inbound.client.credential.grant_type.enabled"

  /// The audit of `profile` read as `access`, with the refusals: the one run behind both
  /// `check NAME --instance-setup` and the wizard's diagnose screen. The failure when the
  /// instance could not be read at all (the network, the sign-in), not a refused read.
  static func report(of profile: Profile, as access: AdminAccess, environment: AppEnvironment) async
    -> Result<SetupReport, ServiceNowFailure>
  {
    var reader = SetupReader(access: access)
    let stored = try? environment.store.storedCredentials(for: profile.name)
    let audit = InstanceSetupAudit(
      profile: profile, refreshTokenExpiresAt: stored?.refreshTokenExpiresAt, now: Date())
    let lines = await audit.run(&reader)
    if let failure = reader.failure { return .failure(failure) }
    return .success(
      SetupReport(
        profile: profile.name, instance: profile.instanceURL.absoluteString, admin: access.name,
        check: "instance-setup", checks: lines, refused: reader.refusals, changes: []))
  }

  /// Whether `admin` signs in to the instance `profile` connects to (same host and port), so
  /// its reads say something about `profile`'s record.
  static func sameInstance(_ admin: Profile, _ profile: Profile) -> Bool {
    admin.instanceURL.host?.lowercased() == profile.instanceURL.host?.lowercased()
      && admin.instanceURL.port == profile.instanceURL.port
  }

  func run(_ reader: inout SetupReader) async -> [SetupCheck] {
    guard let clientID = profile.clientID, let value = SetupReader.queryValue(clientID) else {
      return [
        SetupCheck(
          "oauth.record", .skip, "OAuth record",
          "\(profile.name) signs in with \(profile.authType.word), without an OAuth client: nothing to check."
        )
      ]
    }
    let rows = await reader.read(
      "oauth_entity", query: "client_id=" + value,
      wouldTell: "whether the OAuth record for client ID \(clientID) exists and is Active, its redirect URL, "
        + "public client or not, token lifespans and OAuth Application User")
    guard let rows else {
      return [
        SetupCheck(
          "oauth.record", .skip, "OAuth record",
          "Not checked: the instance refused the read of oauth_entity.",
          remedy: "Run it with an admin profile: --admin PROFILE.")
      ]
    }
    guard let record = rows.first else {
      return [
        SetupCheck(
          "oauth.record", .fail, "OAuth record",
          "No OAuth record on the instance has the client ID \(clientID).",
          remedy: "Create one (\(SetupPaths.newOAuthRecord)), or correct the client ID in the profile.")
      ]
    }
    let name = record["name"].flatMap { $0.isEmpty ? nil : $0 } ?? clientID
    let place = SetupPaths.oauthRecord(name)
    var lines = [
      SetupCheck("oauth.record", .pass, "OAuth record", "“\(name)” has the client ID \(clientID).")
    ]
    lines.append(
      record["active"] == "true"
        ? SetupCheck("oauth.active", .pass, "Active", "The record is Active.")
        : SetupCheck(
          "oauth.active", .fail, "Active",
          "The record is not Active: every sign-in with it gets the instance's catch-all access_denied.",
          remedy: "\(place), tick Active, Update."))
    lines.append(redirectLine(record, place: place))
    lines.append(publicClientLine(record, place: place))
    lines += lifespanLines(record, place: place)
    if profile.authType == .oauthClientCredentials {
      lines += await clientCredentialsLines(record, place: place, reader: &reader)
    }
    lines.append(
      optionalField(
        record, Self.restrictionFields, id: "oauth.token_restrictions",
        title: "Token restrictions", place: place))
    lines.append(
      optionalField(
        record, Self.formatFields, id: "oauth.token_format", title: "Token format",
        place: place))
    return lines
  }

  private func redirectLine(_ record: [String: String], place: String) -> SetupCheck {
    guard profile.authType == .oauthAuthorizationCode else {
      return SetupCheck(
        "oauth.redirect", .skip, "Redirect URL", "Not used: \(profile.authType.word) has no browser step.")
    }
    let ours = profile.redirectURI ?? OAuthClientStep.defaultRedirectURI
    let registered = (record["redirect_url"] ?? "").split(separator: ",").map {
      PlainString.trimmed($0)
    }
    if registered.contains(ours) {
      return SetupCheck("oauth.redirect", .pass, "Redirect URL", "The record lists \(ours) exactly.")
    }
    let shown = registered.isEmpty ? "no redirect URL" : registered.joined(separator: ", ")
    return SetupCheck(
      "oauth.redirect", .fail, "Redirect URL",
      "The record has \(shown), not \(ours): the instance sends the browser to the first registered URL, "
        + "and the sign-in waits in vain.",
      remedy: "\(place), set Redirect URL to exactly \(ours) (or add it, comma-separated), Update.")
  }

  private func publicClientLine(_ record: [String: String], place: String) -> SetupCheck {
    let isPublic = record["public_client"] == "true"
    switch (isPublic, profile.authType) {
    case (true, .oauthAuthorizationCode):
      return SetupCheck(
        "oauth.public_client", .pass, "Client type", "A public client: signs in with PKCE, no secret.")
    case (true, _):
      return SetupCheck(
        "oauth.public_client", .fail, "Client type",
        "A public client has no secret, but \(profile.authType.word) sends one.",
        remedy: "\(place), untick “Public client” (or “This is a public client”), Update; "
          + "then copy the Client Secret into the profile.")
    case (false, _):
      return SetupCheck(
        "oauth.public_client", .pass, "Client type",
        "A confidential client: the profile needs its Client Secret.")
    }
  }

  private func lifespanLines(_ record: [String: String], place: String) -> [SetupCheck] {
    let access = record["access_token_lifespan"].flatMap { Int($0) }
    let refresh = record["refresh_token_lifespan"].flatMap { Int($0) }
    var lines: [SetupCheck] = []
    let accessText =
      access.map { "access tokens live \(Self.span($0))" } ?? "the access token lifespan is not shown"
    let refreshText =
      refresh.map { "refresh tokens \(Self.span($0))" } ?? "the refresh token lifespan is not shown"
    lines.append(
      SetupCheck(
        "oauth.lifespans", access.map { $0 < 300 } == true ? .warn : .pass, "Token lifespans",
        "\(accessText); \(refreshText).",
        remedy: "Under 5 minutes a token expires while a script runs: \(place), raise Access Token Lifespan.")
    )
    guard profile.authType.isOAuth, profile.authType != .oauthClientCredentials else { return lines }
    if let expiry = refreshTokenExpiresAt {
      let left = expiry.timeIntervalSince(now)
      let when = expiry.formatted(.iso8601)
      if left <= 0 {
        lines.append(
          SetupCheck(
            "oauth.refresh_expiry", .fail, "Refresh token",
            "This profile's refresh token expired at \(when).",
            remedy: "Sign in again: snowgate setup \(profile.name)."))
      } else {
        lines.append(
          SetupCheck(
            "oauth.refresh_expiry", left < Self.refreshWarning ? .warn : .pass, "Refresh token",
            "This profile's refresh token expires at \(when) (in \(Self.span(Int(left)))).",
            remedy: "Sign in again before then (snowgate setup \(profile.name)), or raise Refresh Token "
              + "Lifespan: \(place)."))
      }
    } else {
      lines.append(
        SetupCheck(
          "oauth.refresh_expiry", .skip, "Refresh token",
          "When this profile's refresh token was issued is not recorded; one issued now lives "
            + (refresh.map { Self.span($0) } ?? "as long as the record says") + "."))
    }
    return lines
  }

  private func clientCredentialsLines(
    _ record: [String: String], place: String, reader: inout SetupReader
  ) async -> [SetupCheck] {
    var lines: [SetupCheck] = []
    if let user = record["user"], !user.isEmpty {
      lines.append(SetupCheck("oauth.application_user", .pass, "Application User", "Tokens act as \(user)."))
    } else {
      lines.append(
        SetupCheck(
          "oauth.application_user", .fail, "Application User",
          "The record names no OAuth Application User: client credentials are refused (unauthorized_client).",
          remedy: "\(place), set OAuth Application User (the field is hidden on the default form: "
            + "Configure > Form Layout adds it), Update."))
    }
    let property = Self.clientCredentialsProperty
    let rows = await reader.read(
      "sys_properties", query: "name=" + property, fields: ["name", "value"],
      wouldTell: "whether \(property) is true")
    switch rows?.first?["value"] {
    case "true"?:
      lines.append(
        SetupCheck("property.client_credentials", .pass, "Client credentials", "\(property) is true."))
    case nil where rows == nil:
      lines.append(
        SetupCheck(
          "property.client_credentials", .skip, "Client credentials",
          "Not checked: the instance refused the read of sys_properties."))
    case let value:
      lines.append(
        SetupCheck(
          "property.client_credentials", .fail, "Client credentials",
          value == nil
            ? "\(property) does not exist, so the grant is off (the catch-all access_denied)."
            : "\(property) is \(value ?? ""), so the grant is off (the catch-all access_denied).",
          remedy: SetupPaths.property(property, value: "true")))
    }
    return lines
  }

  private func optionalField(
    _ record: [String: String], _ names: [String], id: String, title: String, place: String
  ) -> SetupCheck {
    guard let name = names.first(where: { record[$0] != nil }), let value = record[name] else {
      return SetupCheck(
        id, .skip, title,
        "Not checked: the record read through the Table API has no field \(names.joined(separator: " or ")) "
          + "(the field name is not documented; see \(place)).")
    }
    if id == "oauth.token_restrictions", value == "true" {
      return SetupCheck(
        id, .warn, title,
        "Enforce Token Restrictions is on: tokens work only with APIs whose REST API access policy names "
          + "this client (not checked: access policies are not read).",
        remedy:
          "All > System Web Services > REST API Access Policies: add this client to the Table API's policy.")
    }
    return SetupCheck(id, .pass, title, "\(name) is \(value.isEmpty ? "empty" : value).")
  }

  /// Seconds as a person reads them: "30 min", "100 days".
  static func span(_ seconds: Int) -> String {
    if seconds >= 86_400 * 2 { return "\(seconds / 86_400) days" }
    if seconds >= 7200 { return "\(seconds / 3600) h" }
    if seconds >= 120 { return "\(seconds / 60) min" }
    return "\(seconds) s"
  }
}
