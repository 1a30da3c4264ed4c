import Foundation
import Testing
import Vocabulary

@testable import App

@Suite struct ExpiryTextTests {
  let now = Date(timeIntervalSince1970: 1_800_000_000)

  @Test func saysMinutesHoursAndDaysLeft() {
    #expect(
      ExpiryText.describe(expiresAt: now.addingTimeInterval(12 * 60 + 30), now: now) == "expires in 12 min")
    #expect(ExpiryText.describe(expiresAt: now.addingTimeInterval(30), now: now) == "expires in under 1 min")
    #expect(ExpiryText.describe(expiresAt: now.addingTimeInterval(5 * 3600), now: now) == "expires in 5 h")
    #expect(
      ExpiryText.describe(expiresAt: now.addingTimeInterval(3 * 86400), now: now) == "expires in 3 days")
  }

  @Test func aPastExpiryIsExpiredAndNoneIsADash() {
    #expect(ExpiryText.describe(expiresAt: now, now: now) == "expired")
    #expect(ExpiryText.describe(expiresAt: now.addingTimeInterval(-1), now: now) == "expired")
    #expect(ExpiryText.describe(expiresAt: nil, now: now) == "—")
    #expect(ExpiryText.state(expiresAt: nil, now: now) == "none")
    #expect(ExpiryText.state(expiresAt: now.addingTimeInterval(-5), now: now) == "expired")
    #expect(ExpiryText.state(expiresAt: now.addingTimeInterval(5), now: now) == "valid")
  }
}
