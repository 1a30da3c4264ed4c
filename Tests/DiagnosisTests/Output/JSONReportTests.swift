import Foundation
import Testing

@testable import Diagnosis

@Suite struct JSONReportTests {
  func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func reportHasExactlyTheDocumentedKeys() throws {
    let json = try object(JSONReport.render(SampleReports.failed))
    #expect(Set(json.keys) == ["profile", "instance", "auth", "ok", "diagnosis", "checks", "elapsed_ms"])
    let diagnosis = try #require(json["diagnosis"] as? [String: Any])
    #expect(Set(diagnosis.keys) == ["code", "summary", "remedies"])
    #expect(diagnosis["remedies"] as? [String] == ["Check the port.", "Ask the network team."])
    let checks = try #require(json["checks"] as? [[String: Any]])
    #expect(checks.count == 10)
    for check in checks {
      #expect(Set(check.keys) == ["id", "status", "title", "detail", "remedy", "elapsed_ms", "timings"])
    }
    #expect(checks.map { $0["id"] as? String } == CheckID.allCases.map(\.rawValue))
    #expect(json["ok"] as? Bool == false)
    #expect(json["elapsed_ms"] as? Int == 1520)
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
