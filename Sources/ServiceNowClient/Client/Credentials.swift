import Foundation
import Vocabulary

/// How a Table API call authenticates: a user's password (Basic) or an OAuth access token.
public enum Credentials: Sendable, Equatable {
  case basic(username: String, password: Secret)
  case bearer(Secret)

  /// The `Authorization` header value (secret in clear: only for the wire).
  var authorizationHeader: String {
    switch self {
    case .basic(let username, let password):
      let pair = Data("\(username):\(password.reveal())".utf8).base64EncodedString()
      return "Basic \(pair)"
    case .bearer(let token):
      return "Bearer \(token.reveal())"
    }
  }

  /// Which kind of refusal a 401 means for these credentials.
  public var kind: ResponseClassifier.AuthKind {
    switch self {
    case .basic: .basic
    case .bearer: .bearer
    }
  }

  /// The secret values, so the request log can mask them wherever they appear.
  var secrets: [Secret] {
    switch self {
    case .basic(let username, let password):
      [password, Secret(Data("\(username):\(password.reveal())".utf8).base64EncodedString())]
    case .bearer(let token):
      [token]
    }
  }
}
