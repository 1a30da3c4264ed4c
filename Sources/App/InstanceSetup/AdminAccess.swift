import Foundation
import Profiles
import ServiceNowClient
import Vocabulary

/// Who the instance-setup checks read (and write) as: a saved profile's sign-in, turned into
/// Table API credentials.
///
/// Basic profiles send their password; OAuth profiles send an access token from
/// `TokenService`, the one place tokens are renewed, so the admin's tokens are kept as `token`
/// keeps them. The admin profile (`--admin`) may be another than the one being checked.
struct AdminAccess: Sendable {
  var profile: Profile
  var client: ServiceNowClient
  var credentials: Credentials

  /// Why no credentials could be had, in a sentence.
  struct Problem: Error, Sendable {
    var text: String
  }

  /// The sign-in of `profile` as Table API credentials.
  static func signIn(_ profile: Profile, environment: AppEnvironment) async -> Result<AdminAccess, Problem> {
    let client = environment.client(for: profile.instanceURL, apiVersion: profile.apiVersion)
    if profile.authType.isOAuth {
      switch await TokenService(environment: environment).accessToken(for: profile) {
      case .failure(let failure):
        return .failure(Problem(text: "\(profile.name) could not sign in: \(failure.summary)"))
      case .success(let token):
        return .success(
          AdminAccess(profile: profile, client: client, credentials: .bearer(token.accessToken)))
      }
    }
    let secrets: ResolvedSecrets
    do {
      secrets = try await environment.store.resolveSecrets(for: profile, environment: environment.variables)
    } catch {
      return .failure(
        Problem(text: "\(profile.name)'s password could not be read: \(CheckPlanner.describe(error))"))
    }
    guard let username = profile.username, let password = secrets.password, !password.isEmpty else {
      return .failure(
        Problem(
          text: "\(profile.name) has no password to sign in with here; set SNOWGATE_PASSWORD for this run."))
    }
    return .success(
      AdminAccess(
        profile: profile, client: client, credentials: .basic(username: username, password: password)))
  }
}
