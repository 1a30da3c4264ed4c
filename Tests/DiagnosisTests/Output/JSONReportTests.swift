import Foundation
import Testing
import Vocabulary

@testable import Diagnosis

@Suite struct JSONReportTests {
  func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func reportHasExactlyTheDocumentedKeys() throws {
    let json = try object(JSONReport.render(SampleReports.failed))
    #expect(
      Set(json.keys) == [
        "schema_version", "profile", "instance", "auth", "ok", "diagnosis", "checks", "elapsed_ms",
      ])
    let diagnosis = try #require(json["diagnosis"] as? [String: Any])
    #expect(Set(diagnosis.keys) == ["code", "summary", "remedies"])
    #expect(diagnosis["remedies"] as? [String] == ["Check the port.", "Ask the network team."])
    let checks = try #require(json["checks"] as? [[String: Any]])
    #expect(checks.count == 10)
    for check in checks {
      #expect(
        Set(check.keys) == [
          "id", "status", "title", "detail", "remedy", "elapsed_ms", "timings", "presented_chain",
        ])
      #expect(check["presented_chain"] is NSNull)
    }
    #expect(checks.map { $0["id"] as? String } == CheckID.allCases.map(\.rawValue))
    #expect(json["ok"] as? Bool == false)
    #expect(json["elapsed_ms"] as? Int == 1520)
  }

  @Test func aFailedHandshakeGivesThePresentedChainAsObjectsLeafFirst() throws {
    var report = SampleReports.failed
    let index = try #require(report.checks.firstIndex { $0.id == .tls })
    report.checks[index].presentedChain = [
      PresentedCertificate(
        subject: "CN=dev1.service-now.com", issuer: "CN=Corp Proxy CA",
        notBefore: Date(timeIntervalSince1970: 1_767_225_600),
        notAfter: Date(timeIntervalSince1970: 1_798_761_599)),
      PresentedCertificate(subject: "CN=Corp Proxy CA", issuer: "CN=Corp Root"),
    ]
    let checks = try #require(try object(JSONReport.render(report))["checks"] as? [[String: Any]])
    let chain = try #require(checks[index]["presented_chain"] as? [[String: Any]])
    #expect(chain.count == 2)
    #expect(chain[0]["subject"] as? String == "CN=dev1.service-now.com")
    #expect(chain[0]["issuer"] as? String == "CN=Corp Proxy CA")
    #expect(chain[0]["not_before"] as? String == "2026-01-01T00:00:00Z")
    #expect(chain[0]["not_after"] as? String == "2026-12-31T23:59:59Z")
    #expect(chain[1]["subject"] as? String == "CN=Corp Proxy CA")
    #expect(chain[1]["not_before"] is NSNull, "an unreadable bound is null, not absent")
    #expect(Set(chain[1].keys) == ["subject", "issuer", "not_before", "not_after"])
    for (position, check) in checks.enumerated() where position != index {
      #expect(check["presented_chain"] is NSNull)
    }
  }

  @Test func missingProfileAndRemedyAreNullNotAbsent() throws {
    let json = try object(JSONReport.render(SampleReports.failed))
    #expect(json["profile"] is NSNull)
    let checks = try #require(json["checks"] as? [[String: Any]])
    #expect(checks[0]["remedy"] is NSNull)
    #expect(checks[3]["remedy"] as? String == "Check the port. Ask the network team.")
  }

  @Test func keysComeInTheDocumentedOrder() {
    let text = JSONReport.render(SampleReports.failed, pretty: false)
    let order = [
      "\"profile\"", "\"instance\"", "\"auth\"", "\"ok\"", "\"diagnosis\"", "\"code\"", "\"summary\"",
      "\"remedies\"", "\"checks\"", "\"id\"", "\"status\"", "\"title\"", "\"detail\"", "\"remedy\"",
      "\"elapsed_ms\"",
    ]
    let positions = order.map { text.range(of: $0)?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil })
    #expect(positions.map { $0! } == positions.map { $0! }.sorted())
    #expect(text.hasSuffix(",\"elapsed_ms\":1520}"))
  }

  @Test func renderedJSONDecodesBackToTheSameReport() throws {
    for report in [SampleReports.failed, SampleReports.passedWithWarning] {
      let decoded = try JSONDecoder().decode(Report.self, from: Data(JSONReport.render(report).utf8))
      var expected = report
      expected.checks = expected.checks.map {
        var check = $0; check.code = nil; return check
      }
      #expect(decoded == expected)
    }
  }

  @Test func stringsAreEscaped() throws {
    let json = try object(JSONReport.render(SampleReports.passedWithWarning))
    #expect(json["profile"] as? String == "dev \"quoted\"\nname")
    #expect(JSONWriter.quoted("a\u{1}b\\") == "\"a\\u0001b\\\\\"")
  }

  @Test func severalReportsAreAnArrayInOrder() throws {
    let text = JSONReport.render([SampleReports.failed, SampleReports.passedWithWarning])
    let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    #expect(array.map { $0["ok"] as? Bool } == [false, true])
  }

  @Test func codableEncodingHasTheSameKeysAsTheWriter() throws {
    let encoded = try JSONEncoder().encode(SampleReports.failed)
    let viaCodable = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
    let viaWriter = try object(JSONReport.render(SampleReports.failed))
    #expect(Set(viaCodable.keys) == Set(viaWriter.keys))
    #expect(viaCodable["profile"] is NSNull)
  }
}
