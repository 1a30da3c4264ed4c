import Foundation

/// The certificates of the mutual-TLS tests, made with openssl in a temporary folder: a test CA,
/// a server certificate for localhost, client certificates it signs (one mapped to a user, one
/// with an encrypted key, one mapped to nobody, an expired one), and a client certificate of
/// another, untrusted CA.
struct MutualTLSCertificates {
  let directory: URL

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
  var caFile: String { path("ca.pem") }
  var server: (cert: String, key: String) { (path("server.pem"), path("server.key")) }
  var client: (cert: String, key: String) { (path("client.pem"), path("client.key")) }
  var encrypted: (cert: String, key: String) { (path("encrypted.pem"), path("encrypted.key")) }
  var unmapped: (cert: String, key: String) { (path("unmapped.pem"), path("unmapped.key")) }
  var expired: (cert: String, key: String) { (path("expired.pem"), path("unmapped.key")) }
  var otherCA: (cert: String, key: String) { (path("other.pem"), path("other.key")) }

  /// Makes every certificate; the encrypted key's passphrase reaches openssl in its environment,
  /// never in argv. Throws when openssl fails.
  static func make(passphrase: String) throws -> MutualTLSCertificates {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-mtls-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let script = """
      set -e
      umask 077
      openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
        -subj '/CN=snowgate test CA' -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=keyCertSign'
      openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=localhost'
      printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > ext
      openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile ext
      sign() { openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$2.pem" -days "$3"; }
      openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj '/CN=snowgate test client'
      sign client client 2
      openssl req -newkey rsa:2048 -keyout encrypted.key -out encrypted.csr -subj '/CN=snowgate encrypted client' \
        -passout env:MTLS_PASSPHRASE
      sign encrypted encrypted 2
      openssl req -newkey rsa:2048 -nodes -keyout unmapped.key -out unmapped.csr -subj '/CN=nobody mapped'
      sign unmapped unmapped 2
      sign unmapped expired -1
      openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.pem -days 2 \
        -subj '/CN=snowgate test client'
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["MTLS_PASSPHRASE"] = passphrase
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CheckLocalServerError.neverListened("openssl req") }
    return MutualTLSCertificates(directory: directory)
  }

  func remove() {
    try? FileManager.default.removeItem(at: directory)
  }
}
