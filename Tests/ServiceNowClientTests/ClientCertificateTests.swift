import Foundation
import ServiceNowClient
import Vocabulary
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// A client certificate sent through the request options (CURLOPT_SSLCERT/SSLKEY), against
/// `openssl s_server -Verify 1` that demands one signed by a test CA the test makes.
final class ClientCertificateTests: XCTestCase {
  private static let script = """
    set -e
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
      -subj '/CN=snowgate test CA' -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=keyCertSign'
    openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=localhost'
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile ext
    openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj '/CN=snowgate test client'
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days 2
    """

  private func makeCertificates() throws -> URL {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else {
      throw XCTSkip("openssl is not installed")
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-mtls-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", Self.script]
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "openssl made the certificates")
    return directory
  }

  /// openssl's dates (`Jan  5 00:41:28 2026 GMT`, a one-digit day padded with a space) are read
  /// as the moments they name: the test certificates are made now and good for two days.
  func testTheCertificateDatesAreReadFromOpenSSL() throws {
    let directory = try makeCertificates()
    defer { try? FileManager.default.removeItem(at: directory) }
    let read = ClientCertificateCheck.readNow(directory.appendingPathComponent("client.pem").path)
    guard case .success(let facts) = read else { return XCTFail("the certificate was not read: \(read)") }
    let notBefore = try XCTUnwrap(facts.notBefore)
    let notAfter = try XCTUnwrap(facts.notAfter)
    XCTAssertEqual(notAfter.timeIntervalSince(notBefore), 2 * 86_400)
    XCTAssertLessThan(abs(notBefore.timeIntervalSinceNow), 600)
  }

  func testAServerRequiringAClientCertificateAcceptsOurs() async throws {
    let directory = try makeCertificates()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = { (name: String) in directory.appendingPathComponent(name).path }
    let port = try LoopbackServer.closedPort()
    let server = Process()
    server.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    server.arguments = [
      "s_server", "-accept", "127.0.0.1:\(port)", "-cert", file("server.pem"), "-key", file("server.key"),
      "-CAfile", file("ca.pem"), "-Verify", "1", "-www", "-quiet",
    ]
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer { kill(server.processIdentifier, SIGKILL) }
    try await Self.waitUntilListening(port)

    let url = URL(string: "https://localhost:\(port)/")!
    let transport = CurlTransport()
    let trusted = TransportOptions(caBundle: file("ca.pem"))
    var withCertificate = trusted
    withCertificate.clientCertificate = file("client.pem")
    withCertificate.clientKey = file("client.key")

    let accepted = try await transport.send(
      TransportRequest(url: url, options: withCertificate), deadline: .seconds(5))
    XCTAssertEqual(accepted.status, 200)
    XCTAssertTrue(
      accepted.text.contains("snowgate test client"),
      "s_server saw our certificate: \(accepted.text.prefix(400))")
    XCTAssertNotNil(accepted.timings?.tls, "a TLS phase was timed")

    do {
      let refused = try await transport.send(
        TransportRequest(url: url, options: trusted), deadline: .seconds(5))
      XCTFail("without a client certificate the server answered HTTP \(refused.status)")
    } catch let failure as CurlFailure {
      let verdict = NetworkFailureClassifier(proxy: ProxyEnvironment([:])).classify(failure, url: url)
      XCTAssertEqual(verdict.code, "tls.client_certificate_refused", verdict.detail ?? "")
      XCTAssertTrue(verdict.detail?.contains("client certificate") ?? false, verdict.detail ?? "")
    }
  }

  private static func waitUntilListening(_ port: UInt16) async throws {
    for _ in 0..<100 {
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = port.bigEndian
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
      }
      close(fd)
      if connected { return }
      try await Task.sleep(for: .milliseconds(50))
    }
    XCTFail("s_server never listened on \(port)")
  }
}
