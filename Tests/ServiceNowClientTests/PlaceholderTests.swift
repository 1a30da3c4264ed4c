import XCTest

final class ServiceNowClientTestsPlaceholder: XCTestCase {
  func testTargetBuilds() async { XCTAssertTrue(true) }
}
