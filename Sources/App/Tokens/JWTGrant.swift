import Platform
import Profiles
import ServiceNowClient
import Vocabulary

/// Makes the JWT bearer grant of a profile: a fresh assertion signed with its key file.
///
/// The one place that turns a profile's JWT fields into an `OAuthGrant`, so `token`, `check`
/// and `setup --no-input` sign the same way. There is no refresh token in this grant: every new
/// access token comes from a new assertion (SERVICENOW.md, "Sign-in methods of current releases").
enum JWTGrant {
  /// The grant for `clientID` acting as `subject`, or the failure that says what is missing or wrong.
  static func make(
    profileName: String, clientID: String, subject: String?, keyID: String?, keyFile: String?,
    environment: [String: String], now: Date = Date()
  ) async -> Result<OAuthGrant, ServiceNowFailure> {
    guard let subject, !subject.isEmpty else {
      return .failure(TokenFailures.incomplete(profileName, missing: "JWT subject (--jwt-subject)"))
    }
    guard let keyID, !keyID.isEmpty else {
      return .failure(TokenFailures.incomplete(profileName, missing: "JWT Key ID (--jwt-key-id)"))
    }
    guard let keyFile, !keyFile.isEmpty else {
      return .failure(TokenFailures.incomplete(profileName, missing: "JWT signing key (--jwt-key)"))
    }
    let assertion = JWTAssertion(clientID: clientID, subject: subject, keyID: keyID, issuedAt: now)
    do {
      return .success(
        .jwtBearer(assertion: try await assertion.signed(keyFile: keyFile, environment: environment)))
    } catch {
      return .failure(error.failure)
    }
  }

  /// The grant of a saved JWT bearer profile.
  static func make(for profile: Profile, environment: [String: String], now: Date = Date()) async -> Result<
    OAuthGrant, ServiceNowFailure
  > {
    await make(
      profileName: profile.name, clientID: profile.clientID ?? "", subject: profile.username,
      keyID: profile.jwtKeyID, keyFile: profile.jwtKeyFile, environment: environment, now: now)
  }
}
