import Foundation

/// Whether the instance's login pages send people to an identity provider.
extension ServiceNowClient {
  /// The login pages an SSO instance redirects, in the order they are asked.
  public static let loginPages = ["/", "/login.do", "/navpage.do"]

  /// Reads the login pages without credentials and without following redirects, and returns
  /// the identity provider the first of them redirects to, or nil when none does.
  ///
  /// `/` may first redirect to `/navpage.do` on the instance itself, so each page is asked,
  /// not only the root. A page that fails to answer counts as no redirect: this is a hint for
  /// the wizard and check, never a failure of its own.
  public func detectSingleSignOn() async -> IdentityProviderRedirect? {
    for page in Self.loginPages {
      let request = TransportRequest(
        method: "GET", url: InstanceEndpoints.url(instance, path: page),
        headers: ["Accept": "text/html", "User-Agent": userAgent])
      guard case .success(let response) = await exchange(request),
        (300..<400).contains(response.status), let location = response.header("Location"),
        let provider = IdentityProviderRedirect.recognise(location: location, instance: instance)
      else { continue }
      return provider
    }
    return nil
  }
}
