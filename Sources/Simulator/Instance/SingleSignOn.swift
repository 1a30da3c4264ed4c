import Hashing
import Platform

/// The identity provider the `sso` and `sso-oidc` scenarios send the login pages to.
///
/// Instances with SSO redirect `/`, `/login.do` and `/navpage.do` (302) to the provider: a SAML
/// one with a `SAMLRequest` parameter, an OpenID Connect one with `client_id` (issue 12). The
/// provider is a path on a fake host, `idp.example.test`, which no resolver knows, so nothing
/// follows the redirect by accident.
struct SingleSignOn: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case saml
    case oidc
  }

  var kind: Kind

  /// The fake provider's host.
  static let providerHost = "idp.example.test"

  /// The provider of the active scenarios, or nil when the instance signs in locally.
  init?(scenarios: Set<Scenario>) {
    if scenarios.contains(.sso) {
      kind = .saml
    } else if scenarios.contains(.ssoOIDC) {
      kind = .oidc
    } else {
      return nil
    }
  }

  /// The 302 from a login page to the provider, carrying where to come back to.
  func redirect(from path: String, host: String) -> SimulatedResponse {
    let back = "http://\(host)/navpage.do"
    let location: String
    switch kind {
    case .saml:
      // A real SAMLRequest is a deflated, base64 AuthnRequest; this one only has its shape.
      let request = Data(
        "<samlp:AuthnRequest ID=\"_snowgate\" AssertionConsumerServiceURL=\"\(back)\"/>".utf8
      )
      .base64EncodedString()
      location =
        "https://\(Self.providerHost)/saml2/sso?"
        + FormEncoding.encode([("SAMLRequest", request), ("RelayState", back)])
    case .oidc:
      location =
        "https://\(Self.providerHost)/oauth2/v2.0/authorize?"
        + FormEncoding.encode([
          ("client_id", "5f2c8a0e-snowgate-sso"), ("response_type", "code"), ("scope", "openid"),
          ("redirect_uri", "http://\(host)/navpage.do"), ("state", Base64URL.random(bytes: 12)),
        ])
    }
    return SimulatedResponse(status: 302, headers: [("Location", location)])
  }
}
