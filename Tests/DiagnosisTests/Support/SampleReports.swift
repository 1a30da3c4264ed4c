import Diagnosis
import Vocabulary

/// Hand-built reports for the output tests, so they need no network.
enum SampleReports {
  static let failed = Report(
    profile: nil, instance: "https://dev1.service-now.com", auth: .basic,
    diagnosis: Verdict(
      code: "tcp.refused", summary: "Nothing accepts connections on port 443 of dev1.service-now.com.",
      remedies: ["Check the port.", "Ask the network team."]),
    checks: [
      CheckResult(id: .url, status: .pass, detail: "https://dev1.service-now.com", elapsedMilliseconds: 0),
      CheckResult(id: .proxy, status: .skip, detail: "no proxy variable set"),
      CheckResult(
        id: .dns, status: .pass, detail: "dev1.service-now.com → 203.0.113.9", elapsedMilliseconds: 12),
      CheckResult(
        id: .tcp, status: .fail, detail: "203.0.113.9:443 refused the connection",
        remedy: "Check the port. Ask the network team.", elapsedMilliseconds: 3, code: "tcp.refused"),
    ]
      + [CheckID.tls, .instance, .auth, .api, .apiMeta, .token].map {
        CheckResult(id: $0, status: .skip, detail: "skipped: TCP failed")
      },
    elapsedMilliseconds: 1520)

  static let passedWithWarning = Report(
    profile: "dev \"quoted\"\nname", instance: "https://dev1.service-now.com", auth: .oauthPassword,
    diagnosis: Verdict(
      code: "ok", summary: "The connection works, with warnings: API metadata.",
      remedies: ["Grant read on sys_db_object."]),
    checks: CheckID.allCases.map {
      $0 == .apiMeta
        ? CheckResult(
          id: $0, status: .warn, detail: "HTTP 403", remedy: "Grant read on sys_db_object.",
          elapsedMilliseconds: 40,
          code: "api.forbidden")
        : CheckResult(id: $0, status: .pass, detail: "\($0.rawValue) fine", elapsedMilliseconds: 5)
    },
    elapsedMilliseconds: 230)
}
