import XCTest

final class DiagnosisTestsPlaceholder: XCTestCase {
  func testTargetBuilds() async { XCTAssertTrue(true) }
}
