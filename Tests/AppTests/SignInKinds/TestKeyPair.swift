import Foundation
import XCTest

/// An RSA key pair made by the system's openssl for one test, in a folder removed with it.
struct TestKeyPair {
  let privateKeyFile: String
  let publicKeyPEM: String

  /// Makes a 2048-bit key in `folder` (created 0700 if missing) under `name`.
  static func make(in folder: URL, name: String) throws -> TestKeyPair {
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let key = folder.appendingPathComponent("\(name).pem").path
    let pub = folder.appendingPathComponent("\(name).pub").path
    try openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key])
    try openssl(["pkey", "-in", key, "-pubout", "-out", pub])
    chmod(key, 0o600)
    return TestKeyPair(privateKeyFile: key, publicKeyPEM: try String(contentsOfFile: pub, encoding: .utf8))
  }

  private static func openssl(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["openssl"] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "openssl \(arguments.first ?? "") failed")
  }
}
