import Foundation
import Profiles
import Testing
import Vocabulary

@Suite struct StoredCredentialsMaskTests {
  @Test func everyTextFormOfASecretIsMasked() {
    let secret = Secret("SENTINEL-S3CR3T")
    var dumped = ""
    dump(secret, to: &dumped)
    var dumpedResolved = ""
    dump(ResolvedSecrets(StoredCredentials(password: secret)), to: &dumpedResolved)
    let forms = [
      "\(secret)", String(describing: secret), String(reflecting: secret), dumped,
      "\(StoredCredentials(password: secret))", String(reflecting: StoredCredentials(refreshToken: secret)),
      dumpedResolved,
    ]
    for form in forms {
      #expect(!form.contains("SENTINEL"), "\(form)")
    }
    #expect(secret.reveal() == "SENTINEL-S3CR3T")
  }
}
