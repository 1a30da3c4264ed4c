import Platform

/// A login page's redirect to a single sign-on identity provider, recognised from its Location.
///
/// Instances with SSO send `/`, `/login.do` and `/navpage.do` (302) to the provider (issue 12):
/// a SAML provider gets a `SAMLRequest` parameter, an OpenID Connect one a `client_id`. Knowing
/// it before asking for a password matters: Basic and the password grant then work only for a
/// local integration user, and the browser sign-in is the way in.
public struct IdentityProviderRedirect: Sendable, Equatable, CustomStringConvertible {
  /// How the instance talks to the provider.
  public enum Kind: String, Sendable, Equatable {
    case saml
    case oidc
  }

  /// The provider's host, as the Location names it (lower-cased, at most 253 characters).
  public var host: String
  public var kind: Kind
  /// A product name when the host is a well-known one (Entra ID, Okta, ADFS, Ping), else nil.
  public var product: String?

  public init(host: String, kind: Kind, product: String? = nil) {
    self.host = host
    self.kind = kind
    self.product = product
  }

  /// The provider a `Location` header points at, or nil when it is not an SSO redirect.
  ///
  /// It must leave the instance's host (a path on the instance itself is its own login) and
  /// carry `SAMLRequest` (SAML) or `client_id` (OIDC), or end at a well-known provider's host.
  /// A relative or unparseable Location is no provider. Nothing of the value is trusted beyond
  /// its host and parameter names.
  public static func recognise(location: String, instance: URL) -> IdentityProviderRedirect? {
    guard location.utf8.count <= 16_384,
      let components = URLComponents(string: PlainString.trimmed(location)),
      let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
      let rawHost = components.host, !rawHost.isEmpty, rawHost.utf8.count <= 253
    else { return nil }
    let host = rawHost.lowercased()
    guard host != instance.host?.lowercased() else { return nil }
    let names = Set((components.queryItems ?? []).map { $0.name.lowercased() })
    let product = Self.product(host: host, path: components.path.lowercased())
    let kind: Kind
    if names.contains("samlrequest") {
      kind = .saml
    } else if names.contains("client_id") {
      kind = .oidc
    } else if let product {
      kind = product == "ADFS" || components.path.lowercased().contains("saml") ? .saml : .oidc
    } else {
      return nil
    }
    return IdentityProviderRedirect(host: host, kind: kind, product: product)
  }

  /// The product behind a well-known provider host or path.
  static func product(host: String, path: String) -> String? {
    func under(_ domain: String) -> Bool { host == domain || host.hasSuffix("." + domain) }
    if under("login.microsoftonline.com") || under("login.microsoft.com") || under("sts.windows.net") {
      return "Entra ID"
    }
    if under("okta.com") || under("oktapreview.com") || under("okta-emea.com") { return "Okta" }
    if under("pingone.com") || under("pingidentity.com") || under("pingone.eu") { return "Ping" }
    if path.hasPrefix("/adfs/") { return "ADFS" }
    return nil
  }

  /// "the SAML identity provider idp.example.com (Okta)", for a sentence.
  public var description: String {
    let name = kind == .saml ? "SAML" : "OpenID Connect"
    return "the \(name) identity provider \(host)" + (product.map { " (\($0))" } ?? "")
  }
}
