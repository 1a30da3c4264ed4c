import Hashing
import ServiceNowClient
import XCTest

/// The FIPS 180-4 example vectors, so PKCE rests on a hash that is known to be right.
final class SHA256Tests: XCTestCase {
  func testEmptyMessageMatchesFIPSVector() async {
    XCTAssertEqual(
      SHA256.hexDigest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  func testABCMatchesFIPSVector() async {
    XCTAssertEqual(
      SHA256.hexDigest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  func testTwoBlockMessageMatchesFIPSVector() async {
    XCTAssertEqual(
      SHA256.hexDigest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  func testFourBlockMessageMatchesFIPSVector() async {
    let message =
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
    XCTAssertEqual(
      SHA256.hexDigest(message), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
  }

  func testMillionAsMatchesFIPSVector() async {
    let digest = SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
    XCTAssertEqual(
      digest.map { String(format: "%02x", $0) }.joined(),
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  func testLengthsAroundThePaddingBoundaryHashToDistinctDigests() async {
    // 55, 56 and 64 bytes take the padding down its three paths; each must give its own digest.
    let digests = [55, 56, 63, 64, 65].map { SHA256.hexDigest(String(repeating: "x", count: $0)) }
    XCTAssertEqual(Set(digests).count, 5)
    XCTAssertEqual(
      SHA256.hexDigest(String(repeating: "a", count: 64)),
      "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
  }
}
