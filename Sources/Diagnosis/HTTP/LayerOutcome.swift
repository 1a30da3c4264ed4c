import Vocabulary

/// What one layer found, before the runner times it and turns it into a `CheckResult`.
///
/// A failure carries the verdict's wording (`summary`, `remedies`) so the runner can pick the
/// first failure as the diagnosis without knowing any code's meaning. The HTTP layers fill it
/// from the client's failure catalogue; the local layers from `NetworkWording`.
public struct LayerOutcome: Sendable, Equatable {
  public var status: CheckStatus
  public var detail: String
  public var code: String?
  public var summary: String?
  public var remedies: [String]
  /// The per-phase timings of the request this layer's verdict rests on, when it made one.
  public var timings: CheckTimings?
  /// The certificates the server presented when this layer's TLS handshake failed, leaf first.
  public var presentedChain: [PresentedCertificate] = []

  public init(
    status: CheckStatus, detail: String, code: String? = nil, summary: String? = nil,
    remedies: [String] = [], timings: CheckTimings? = nil
  ) {
    self.status = status
    self.detail = detail
    self.code = code
    self.summary = summary
    self.remedies = remedies
    self.timings = timings
  }

  /// The layer works; `detail` says what was seen ("2 addresses: …", "HTTP 200 in 120 ms").
  public static func pass(_ detail: String) -> LayerOutcome {
    LayerOutcome(status: .pass, detail: detail)
  }

  /// The layer works only partly; a warning never fails the run nor skips what follows.
  public static func warn(
    _ detail: String, code: String? = nil, summary: String? = nil, remedies: [String] = []
  ) -> LayerOutcome {
    LayerOutcome(status: .warn, detail: detail, code: code, summary: summary, remedies: remedies)
  }

  /// The layer failed with a stable code; the layers above it will be skipped.
  public static func fail(
    code: String, detail: String, summary: String, remedies: [String]
  ) -> LayerOutcome {
    LayerOutcome(status: .fail, detail: detail, code: code, summary: summary, remedies: remedies)
  }

  /// The layer does not apply ("Basic auth has no token to check").
  public static func skip(_ detail: String) -> LayerOutcome {
    LayerOutcome(status: .skip, detail: detail)
  }
}
