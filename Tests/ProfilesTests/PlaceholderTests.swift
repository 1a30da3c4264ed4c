import XCTest

final class ProfilesTestsPlaceholder: XCTestCase {
  func testTargetBuilds() async { XCTAssertTrue(true) }
}
