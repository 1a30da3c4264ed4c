import Platform
import Vocabulary

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
  ///
  /// The pages are asked at once: one round trip instead of three (a check waits for this hint
  /// beside its probe, so on a remote instance each sequential page cost a round trip of its
  /// own), and the first page in `loginPages` order that redirects to a provider is the answer.
  public func detectSingleSignOn() async -> IdentityProviderRedirect? {
    let found = await withTaskGroup(of: (Int, IdentityProviderRedirect?).self) { group in
      for (index, page) in Self.loginPages.enumerated() {
        group.addTask { (index, await identityProvider(page)) }
      }
      var found = [IdentityProviderRedirect?](repeating: nil, count: Self.loginPages.count)
      for await (index, provider) in group { found[index] = provider }
      return found
    }
    return found.lazy.compactMap { $0 }.first
  }

  /// The identity provider `page` redirects to, or nil (no redirect, the instance's own page, no answer).
  private func identityProvider(_ page: String) async -> IdentityProviderRedirect? {
    let request = TransportRequest(
      method: "GET", url: InstanceEndpoints.url(instance, path: page),
      headers: ["Accept": "text/html", "User-Agent": userAgent])
    guard case .success(let response) = await exchange(request),
      (300..<400).contains(response.status), let location = response.header("Location")
    else { return nil }
    return IdentityProviderRedirect.recognise(location: location, instance: instance)
  }
}
