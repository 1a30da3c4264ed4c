import XCTest

final class TerminalUITestsPlaceholder: XCTestCase {
  func testTargetBuilds() async { XCTAssertTrue(true) }
}
