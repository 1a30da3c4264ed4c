import Platform
import Profiles
import ServiceNowClient
import Vocabulary

/// Who the instance-setup checks and changes read and write as: a saved profile's sign-in, or
/// an admin's user name and password typed into the wizard, as Table API credentials.
///
/// A saved profile's credentials come from `ConnectionService`, the one way a saved connection
/// signs in: Basic sends its password, OAuth an access token renewed as `token` renews it, so
/// the admin's tokens are kept as every other path keeps them. The admin profile (`--admin`)
/// may be another than the one being checked.
struct AdminAccess: Sendable {
  /// The admin as reports name them: the profile's name, or the typed user name.
  var name: String
  var client: ServiceNowClient
  var credentials: Credentials

  /// Why no credentials could be had, in a sentence.
  struct Problem: Error, Sendable, Equatable {
    var text: String
  }

  /// The sign-in of `profile` as Table API credentials.
  static func signIn(_ profile: Profile, environment: AppEnvironment) async -> Result<AdminAccess, Problem> {
    let client = environment.client(
      for: profile.instanceURL, apiVersion: profile.apiVersion, profileBundle: profile.caBundle)
    switch await ConnectionService(environment: environment).tokens.credentials(for: profile) {
    case .failure(let failure):
      return .failure(Problem(text: "\(profile.name) could not sign in: \(failure.summary)"))
    case .success(let (credentials, _)):
      return .success(AdminAccess(name: profile.name, client: client, credentials: credentials))
    }
  }

  /// An admin's user name and password for one instance, typed in the wizard and kept nowhere.
  static func basic(
    instance: URL, apiVersion: String?, username: String, password: Secret, environment: AppEnvironment
  ) -> AdminAccess {
    environment.log.rememberPair(username: username, password: password)
    return AdminAccess(
      name: username, client: environment.client(for: instance, apiVersion: apiVersion),
      credentials: .basic(username: username, password: password))
  }
}
