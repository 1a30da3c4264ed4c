import Foundation
import Vocabulary

/// How a Table API call authenticates: a user's password (Basic), an OAuth access token, or an API key.
public enum Credentials: Sendable, Equatable {
  case basic(username: String, password: Secret)
  case bearer(Secret)
  /// A REST API key, sent as `x-sn-apikey` (SERVICENOW.md, "Sign-in methods of current releases").
  case apiKey(Secret)

  /// The header that carries these credentials (secret in clear: only for the wire and `token --header`).
  public var header: (name: String, value: String) {
    switch self {
    case .basic(let username, let password):
      let pair = Data("\(username):\(password.reveal())".utf8).base64EncodedString()
      return ("Authorization", "Basic \(pair)")
    case .bearer(let token):
      return ("Authorization", "Bearer \(token.reveal())")
    case .apiKey(let key):
      return ("x-sn-apikey", key.reveal())
    }
  }

  /// The whole header line, `Name: value`, for `snowgate token NAME --header`.
  public var headerLine: String {
    let header = header
    return "\(header.name): \(header.value)"
  }

  /// Which kind of refusal a 401 means for these credentials.
  public var kind: ResponseClassifier.RequestAuth {
    switch self {
    case .basic: .basic
    case .bearer: .bearer
    case .apiKey: .apiKey
    }
  }

  /// The secret values, so the request log can mask them wherever they appear.
  var secrets: [Secret] {
    switch self {
    case .basic(let username, let password):
      [password, Secret(Data("\(username):\(password.reveal())".utf8).base64EncodedString())]
    case .bearer(let token), .apiKey(let token):
      [token]
    }
  }
}
