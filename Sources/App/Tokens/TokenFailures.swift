import Platform
import Profiles
import ServiceNowClient
import Vocabulary

/// The failures of the token life cycle that the client's catalogue does not know.
///
/// They are `ServiceNowFailure` values with App-level codes so that every caller (the token
/// command, logout, the wizard) shows them the same way and maps them to an exit status with
/// `Diagnosis.exitCode(for:)`: `profile.*` and `config.*` give 2, `oauth.*` gives 3.
enum TokenFailures {
  /// No name was given and no profile is the default.
  static func noDefaultProfile() -> ServiceNowFailure {
    ServiceNowFailure(
      code: "profile.no_default", summary: "No profile was named and none is set as the default.",
      remedies: [
        "Name the profile: snowgate token NAME (snowgate profiles lists them).",
        "Or set up a connection first: snowgate setup NAME.",
      ])
  }

  /// The named profile does not exist.
  static func profileNotFound(_ name: String) -> ServiceNowFailure {
    ServiceNowFailure(
      code: "profile.not_found", summary: "There is no profile named \"\(name)\".",
      remedies: [
        "Check the spelling; snowgate profiles lists the saved ones.",
        "Or set it up: snowgate setup \(name).",
      ])
  }

  /// A Basic profile has a password, not tokens.
  static func basicProfile(_ name: String) -> ServiceNowFailure {
    ServiceNowFailure(
      code: "profile.basic_has_no_token",
      summary: "The profile \"\(name)\" signs in with Basic authentication (user name and password), "
        + "so it has no OAuth token to give.",
      remedies: [
        "Scripts that use this profile send the user name and password themselves.",
        "To use tokens, set the profile up with an OAuth grant: snowgate setup \(name).",
      ])
  }

  /// An API key profile has a key, not a token; `--header` prints the header that carries it.
  static func apiKeyProfile(_ name: String) -> ServiceNowFailure {
    ServiceNowFailure(
      code: "profile.api_key_has_no_token",
      summary: "The profile \"\(name)\" signs in with an API key, which is not a token; "
        + "snowgate prints the key only when asked for the whole header.",
      remedies: [
        "Print the header line instead: curl -H @<(snowgate token \(name) --header) …"
      ])
  }

  /// A certificate profile signs in during the TLS handshake: there is no token and no header.
  static func certificateProfile(_ name: String) -> ServiceNowFailure {
    ServiceNowFailure(
      code: "profile.certificate_has_no_token",
      summary: "The profile \"\(name)\" signs in with a client certificate in the TLS handshake, "
        + "so it has no token and no header to print.",
      remedies: [
        "Give the same files to the tool instead, e.g. curl --cert CERT --key KEY "
          + "(snowgate profiles shows which certificate the profile uses).",
        "Or send the request through snowgate: snowgate api -p \(name) table/incident",
      ])
  }

  /// `snowgate logout` signed the profile out; only setup signs it in again.
  static func signedOut(_ name: String) -> ServiceNowFailure {
    ServiceNowFailure(
      code: FailureCode.authSignedOut.rawValue,
      summary: "\(name) is signed out: `snowgate setup \(name)` signs in again",
      remedies: ["Sign in again with snowgate setup \(name); the profile and its settings are kept."])
  }

  /// The store could not be read, or a secret command failed.
  static func store(_ error: any Error) -> ServiceNowFailure {
    let text =
      (error as? LocalizedError)?.errorDescription ?? "The saved profiles could not be read."
    return ServiceNowFailure(code: "config.unreadable", summary: text, remedies: [])
  }

  /// A profile lacks a field the grant needs (an old or hand-edited config.json).
  static func incomplete(_ name: String, missing: String) -> ServiceNowFailure {
    ServiceNowFailure(
      code: "profile.incomplete", summary: "The profile \"\(name)\" has no \(missing).",
      remedies: ["Open it in the wizard and fill it in: snowgate setup \(name)."])
  }

  /// A secret the grant needs is neither stored nor in the environment.
  static func missingSecret(_ name: String, what: String, variable: String?) -> ServiceNowFailure {
    var remedies: [String] = []
    if let variable {
      remedies.append("Set \(variable) in the environment of the script.")
    }
    remedies.append("Or save it with the profile: snowgate setup \(name).")
    return ServiceNowFailure(
      code: "profile.missing_secret",
      summary: "The profile \"\(name)\" needs its \(what) to get a new token, and none is saved "
        + "or set in the environment.",
      remedies: remedies)
  }

  /// A browser-flow profile whose refresh token is gone cannot get a token without a person.
  static func signInRequired(_ name: String) -> ServiceNowFailure {
    ServiceNowFailure(
      code: "oauth.sign_in_required",
      summary: "The profile \"\(name)\" signs in through a browser and has no usable refresh token, "
        + "so a new token cannot be obtained without you.",
      remedies: ["Sign in again with snowgate setup \(name)."])
  }

  /// The refresh token was refused (expired or revoked).
  static func refreshExpired(_ name: String, detail: String?) -> ServiceNowFailure {
    // check's words for the same verdict, with its remedies naming the profile, so `token`,
    // `api` and `check` say one thing to the person who pastes it into a ticket.
    let failure = ServiceNowFailure(.oauthRefreshExpired, detail: detail)
    return ServiceNowFailure(
      code: failure.code, summary: failure.summary,
      remedies: failure.remedies.map { ReportAdjustment.naming($0, profile: name) }, detail: detail)
  }
}
