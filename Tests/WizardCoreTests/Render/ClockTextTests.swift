import Foundation
import Testing

@testable import WizardCore

@Suite struct ClockTextTests {
  @Test(arguments: [
    (0.0, "1970-01-01 00:00:00 UTC"),
    (951_782_400.0, "2000-02-29 00:00:00 UTC"),
    (1_795_811_399.9, "2026-11-27 20:29:59 UTC"),
    (4_102_444_799.0, "2099-12-31 23:59:59 UTC"),
    (-1.0, "1969-12-31 23:59:59 UTC"),
  ])
  func utcTimesMatchTheCalendar(seconds: Double, text: String) {
    #expect(ClockText.utc(Date(timeIntervalSince1970: seconds)) == text)
  }

  @Test func countdownsShowMinutesAndHours() {
    #expect(ClockText.countdown(1799) == "29:59")
    #expect(ClockText.countdown(59) == "0:59")
    #expect(ClockText.countdown(3723) == "1:02:03")
    #expect(ClockText.countdown(-5) == "0:00")
  }
}
