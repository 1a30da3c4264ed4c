import Foundation

/// Test certificates made with openssl in a temporary folder: a self-signed one for localhost,
/// and one for other.example signed by a test CA (trusted only inside the test's namespace).
struct CheckCertificates {
  let directory: URL

  var caFile: String { directory.appendingPathComponent("ca.pem").path }
  var selfSigned: (cert: String, key: String) {
    (directory.appendingPathComponent("self.pem").path, directory.appendingPathComponent("self.key").path)
  }
  var otherHost: (cert: String, key: String) {
    (directory.appendingPathComponent("other.pem").path, directory.appendingPathComponent("other.key").path)
  }

  /// Makes every certificate; throws when openssl fails.
  static func make() throws -> CheckCertificates {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-check-tls-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let script = """
      set -e
      openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
        -subj '/CN=snowgate test CA' -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=keyCertSign'
      openssl req -newkey rsa:2048 -nodes -keyout other.key -out other.csr -subj '/CN=other.example'
      printf 'subjectAltName=DNS:other.example\\n' > ext
      openssl x509 -req -in other.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out other.pem -days 2 -extfile ext
      openssl req -x509 -newkey rsa:2048 -nodes -keyout self.key -out self.pem -days 2 \
        -subj '/CN=localhost' -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1'
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
    return CheckCertificates(directory: directory)
  }

  func remove() {
    try? FileManager.default.removeItem(at: directory)
  }
}
