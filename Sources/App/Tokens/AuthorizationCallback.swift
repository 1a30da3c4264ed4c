import ServiceNowClient
import Vocabulary

/// What the browser brought back to the loopback listener: the code, with the state checked.
struct AuthorizationCallback: Sendable, Equatable {
  /// The authorization code, to be exchanged once at the token endpoint.
  var code: Secret
  /// The state that came back (equal to the one sent, or the callback is refused).
  var state: String
}
