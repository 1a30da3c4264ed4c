import XCTest

final class EndToEndTestsPlaceholder: XCTestCase {
  func testTargetBuilds() async { XCTAssertTrue(true) }
}
