import Diagnosis
import ServiceNowClient

extension CheckTimings {
  /// A check's timings from libcurl's phase times of the request it sent.
  init(_ timings: PhaseTimings) {
    self.init(
      dnsMilliseconds: timings.nameLookup.map(Self.milliseconds),
      connectMilliseconds: timings.connect.map(Self.milliseconds),
      tlsMilliseconds: timings.tls.map(Self.milliseconds),
      firstByteMilliseconds: timings.firstByte.map(Self.milliseconds),
      totalMilliseconds: Self.milliseconds(timings.total))
  }

  private static func milliseconds(_ duration: Duration) -> Int {
    let parts = duration.components
    return Int(parts.seconds) * 1000 + Int(parts.attoseconds / 1_000_000_000_000_000)
  }
}
