import Platform
import Vocabulary

/// How a Table API call authenticates: a user's password (Basic), an OAuth access token, an API
/// key, or the client certificate of the client's TLS options.
public enum Credentials: Sendable, Equatable {
  case basic(username: String, password: Secret)
  case bearer(Secret)
  /// A REST API key, sent as `x-sn-apikey` (SERVICENOW.md, "Sign-in methods of current releases").
  case apiKey(Secret)
  /// Mutual TLS: the certificate in the client's `tls` options signs in during the handshake and
  /// the instance acts as the user mapped to it, so the request carries no credentials header.
  case clientCertificate

  /// The header that carries these credentials (secret in clear: only for the wire and `token
  /// --header`); nil for a client certificate, which travels in the TLS handshake.
  public var header: (name: String, value: String)? {
    switch self {
    case .clientCertificate:
      return nil
    case .basic(let username, let password):
      let pair = Data(utf8Of: "\(username):\(password.reveal())").base64EncodedString()
      return ("Authorization", "Basic \(pair)")
    case .bearer(let token):
      return ("Authorization", "Bearer \(token.reveal())")
    case .apiKey(let key):
      return ("x-sn-apikey", key.reveal())
    }
  }

  /// Puts the credentials header on `request` (nothing for a client certificate).
  public func apply(to request: inout TransportRequest) {
    if let header { request.setHeader(header.name, header.value) }
  }

  /// The whole header line, `Name: value`, for `snowgate token NAME --header`; nil when no
  /// header carries the credentials.
  public var headerLine: String? {
    header.map { "\($0.name): \($0.value)" }
  }

  /// Which kind of refusal a 401 means for these credentials.
  public var kind: ResponseClassifier.RequestAuth {
    switch self {
    case .basic: .basic
    case .bearer: .bearer
    case .apiKey: .apiKey
    case .clientCertificate: .clientCertificate
    }
  }

  /// The secret values, so the request log can mask them wherever they appear.
  var secrets: [Secret] {
    switch self {
    case .basic(let username, let password):
      [password, Secret(Data(utf8Of: "\(username):\(password.reveal())").base64EncodedString())]
    case .bearer(let token), .apiKey(let token):
      [token]
    case .clientCertificate:
      []
    }
  }
}
