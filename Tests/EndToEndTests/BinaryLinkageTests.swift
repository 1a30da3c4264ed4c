import Foundation
import XCTest

/// The snowgate binary links neither FoundationNetworking (half of its start-up, and the
/// URLSession this program left) nor libcurl, which it loads only when it sends a request, nor
/// ncursesw, which it loads only when it opens the full-screen wizard.
final class BinaryLinkageTests: XCTestCase {
  func testTheBinaryLinksNeitherFoundationNetworkingNorLibcurl() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd") else { throw XCTSkip("no ldd") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
    process.arguments = [Binary.snowgate.path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertTrue(text.contains("libc.so"), "ldd listed the libraries: \(text)")
    XCTAssertFalse(text.contains("FoundationNetworking"), text)
    XCTAssertFalse(text.contains("libcurl"), text)
    XCTAssertFalse(text.contains("libncurses"), text)
    XCTAssertFalse(text.contains("libtinfo"), text)
  }
}
