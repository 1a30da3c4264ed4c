import ServiceNowClient
import Vocabulary
import XCTest

/// A secret never shows its value unless asked to by name.
final class SecretTests: XCTestCase {
  func testEveryWayOfPrintingASecretShowsTheMask() async {
    let secret = Secret("S3CR3T-SENTINEL")
    var dumped = ""
    dump(secret, to: &dumped)
    let renderings = [
      "\(secret)", String(describing: secret), String(reflecting: secret), dumped,
      "\([secret])", "\(Optional(secret) as Any)",
    ]
    for text in renderings {
      XCTAssertFalse(text.contains("S3CR3T"), text)
      XCTAssertTrue(text.contains(Secret.mask), text)
    }
    XCTAssertEqual(secret.reveal(), "S3CR3T-SENTINEL")
    XCTAssertEqual(secret.reveal(), "S3CR3T-SENTINEL")
  }

  func testAFailureBuiltForAStructWithSecretsDoesNotLeakThem() async {
    let grant = OAuthGrant.password(username: "u", password: Secret("S3CR3T-pw"))
    XCTAssertFalse("\(grant)".contains("S3CR3T"))
    let request = TokenRequest(clientID: "id", clientSecret: Secret("S3CR3T-cs"), grant: grant)
    XCTAssertFalse(String(reflecting: request).contains("S3CR3T"))
  }
}
