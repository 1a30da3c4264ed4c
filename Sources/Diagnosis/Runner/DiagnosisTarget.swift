import Vocabulary

/// One connection to diagnose: a saved profile, or an instance given on the command line.
public struct DiagnosisTarget: Sendable {
  /// The profile's name, nil for `snowgate check --instance URL`.
  public var profile: String?
  /// The instance as saved or typed; the `url` check normalises it.
  public var instance: String
  /// The auth kind as the command names it: basic, password, refresh-token, client-credentials.
  public var auth: AuthKind
  /// The HTTP layers (tls … token); nil skips them, which is only useful before the client
  /// is wired in or for a network-only check.
  public var http: (any HTTPLayerProbe)?

  public init(profile: String?, instance: String, auth: AuthKind, http: (any HTTPLayerProbe)?) {
    self.profile = profile
    self.instance = instance
    self.auth = auth
    self.http = http
  }
}
