/// What an unauthenticated answer showed about the server, in words a person can check.
public struct ProbeEvidence: Sendable, Equatable {
  /// The URL that answered (no secrets: the probe sends none).
  public var url: String
  public var status: Int
  /// Each marker seen, e.g. `WWW-Authenticate: BASIC realm="Service-now"`, `Server: snow_adc`.
  public var markers: [String]
  public var elapsed: Duration

  public init(url: String, status: Int, markers: [String], elapsed: Duration) {
    self.url = url
    self.status = status
    self.markers = markers
    self.elapsed = elapsed
  }
}
