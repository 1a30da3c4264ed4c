import Foundation
import XCTest

@testable import Profiles

/// The store's dates are read by arithmetic (no calendar set up) and agree with ISO 8601 parsing.
final class StoreCodingDateTests: XCTestCase {
  private struct Stamp: Codable { var at: Date }

  private func decoded(_ text: String) throws -> Date {
    try StoreCoding.decoder().decode(Stamp.self, from: Data("{\"at\": \"\(text)\"}".utf8)).at
  }

  func testTheWrittenFormMatchesISO8601ParsingAcrossYearsAndLeapDays() throws {
    let reference = ISO8601DateFormatter()
    for text in [
      "1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2026-01-31T12:00:00Z", "2026-12-31T23:59:59Z",
      "2100-03-01T00:00:01Z", "1969-12-31T23:59:59Z",
    ] {
      XCTAssertNotNil(StoreCoding.utcTimestamp(text), text)
      XCTAssertEqual(try decoded(text), reference.date(from: text), text)
    }
  }

  func testWhatTheEncoderWritesReadsBackToTheSameSecond() throws {
    let now = Date(timeIntervalSince1970: 1_800_000_123)
    let data = try StoreCoding.encoder().encode(Stamp(at: now))
    XCTAssertEqual(try StoreCoding.decoder().decode(Stamp.self, from: data).at, now)
  }

  func testOtherISO8601FormsStillReadAndNonsenseIsRefused() throws {
    XCTAssertNil(StoreCoding.utcTimestamp("2026-01-31T14:00:00+02:00"))
    XCTAssertEqual(
      try decoded("2026-01-31T14:00:00+02:00"), ISO8601DateFormatter().date(from: "2026-01-31T12:00:00Z"))
    XCTAssertNil(StoreCoding.utcTimestamp("2026-02-30T00:00:00Z"))
    XCTAssertNil(StoreCoding.utcTimestamp("2026-13-01T00:00:00Z"))
    XCTAssertThrowsError(try decoded("yesterday"))
  }
}
