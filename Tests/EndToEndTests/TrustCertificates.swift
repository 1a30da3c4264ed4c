import Foundation

/// A test CA and the certificates it signs, made with openssl in a temporary folder: a server
/// certificate for localhost, an expired one, one for another host, and a client certificate.
struct TrustCertificates {
  let directory: URL

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
  var caFile: String { path("ca.pem") }
  var server: (cert: String, key: String) { (path("server.pem"), path("server.key")) }
  var expired: (cert: String, key: String) { (path("expired.pem"), path("server.key")) }
  var otherHost: (cert: String, key: String) { (path("other.pem"), path("server.key")) }
  var client: (cert: String, key: String) { (path("client.pem"), path("client.key")) }

  /// Makes every certificate; throws when openssl fails.
  static func make() throws -> TrustCertificates {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-trust-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let script = """
      set -e
      openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
        -subj '/CN=snowgate test CA' -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=keyCertSign'
      openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=localhost'
      printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > ext
      printf 'subjectAltName=DNS:other.example\\n' > other-ext
      openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile ext
      openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out expired.pem -days -1 -extfile ext
      openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out other.pem -days 2 \
        -extfile other-ext
      openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj '/CN=snowgate test client'
      openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days 2
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CheckLocalServerError.neverListened("openssl req") }
    return TrustCertificates(directory: directory)
  }

  func remove() {
    try? FileManager.default.removeItem(at: directory)
  }
}
