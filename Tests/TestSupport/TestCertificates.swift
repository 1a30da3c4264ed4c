import Foundation

/// The test certificates of every TLS test, made once per suite with the system's openssl in a
/// temporary folder: a test CA and what it signs (a server certificate for localhost, an expired
/// one, one for another host, client certificates mapped, encrypted and unmapped, an expired
/// client certificate), a self-signed localhost certificate, and a client certificate of an
/// untrusted CA. One maker, so the TLS tests of check, api, the wizard and mutual TLS agree on
/// names (`CN=snowgate test CA`, `CN=localhost`) and no suite keeps its own copy of the script.
public struct TestCertificates: Sendable {
  public typealias Pair = (cert: String, key: String)
  public let directory: URL

  public func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
  public var caFile: String { path("ca.pem") }
  public var server: Pair { (path("server.pem"), path("server.key")) }
  public var expiredServer: Pair { (path("expired.pem"), path("server.key")) }
  /// Signed by the test CA for other.example: a hostname mismatch on localhost.
  public var otherHost: Pair { (path("other-host.pem"), path("server.key")) }
  /// Self-signed for localhost: untrusted.
  public var selfSigned: Pair { (path("self.pem"), path("self.key")) }
  /// `CN=snowgate test client`, no passphrase.
  public var client: Pair { (path("client.pem"), path("client.key")) }
  /// `CN=snowgate encrypted client`, its key encrypted with the passphrase given to `make`.
  public var encrypted: Pair { (path("encrypted.pem"), path("encrypted.key")) }
  /// `CN=nobody mapped`: trusted, but mapped to no user.
  public var unmapped: Pair { (path("unmapped.pem"), path("unmapped.key")) }
  public var expiredClient: Pair { (path("expired-client.pem"), path("unmapped.key")) }
  /// `CN=snowgate test client` of another, untrusted CA.
  public var otherCA: Pair { (path("other-ca.pem"), path("other-ca.key")) }

  /// Makes every certificate; the passphrase reaches openssl in its environment, never in argv.
  /// Throws when openssl fails.
  public static func make(passphrase: String = "S3CR3T-test-key-passphrase") throws -> TestCertificates {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-certs-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let script = """
      set -e
      umask 077
      openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
        -subj '/CN=snowgate test CA' -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=keyCertSign'
      sign() { openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$2.pem" -days "$3" $4; }
      openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=localhost'
      printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > ext
      printf 'subjectAltName=DNS:other.example\\n' > other-ext
      sign server server 2 '-extfile ext'
      sign server expired -1 '-extfile ext'
      sign server other-host 2 '-extfile other-ext'
      openssl req -x509 -newkey rsa:2048 -nodes -keyout self.key -out self.pem -days 2 \
        -subj '/CN=localhost' -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1'
      openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj '/CN=snowgate test client'
      sign client client 2
      openssl req -newkey rsa:2048 -keyout encrypted.key -out encrypted.csr -subj '/CN=snowgate encrypted client' \
        -passout env:TEST_KEY_PASSPHRASE
      sign encrypted encrypted 2
      openssl req -newkey rsa:2048 -nodes -keyout unmapped.key -out unmapped.csr -subj '/CN=nobody mapped'
      sign unmapped unmapped 2
      sign unmapped expired-client -1
      openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days 2 \
        -subj '/CN=snowgate test client'
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["TEST_KEY_PASSPHRASE"] = passphrase
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw TestCertificatesError.opensslFailed }
    return TestCertificates(directory: directory)
  }

  public func remove() {
    try? FileManager.default.removeItem(at: directory)
  }
}

/// openssl could not make the test certificates (missing, or refused the script).
public enum TestCertificatesError: Error {
  case opensslFailed
}
