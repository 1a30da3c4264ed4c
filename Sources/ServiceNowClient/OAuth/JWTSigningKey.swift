import Platform
import SystemCommands

/// The checks a JWT signing key file passes before openssl signs with it.
///
/// snowgate never reads the private key itself: it asks openssl for the public half and looks
/// at that, so an unsuitable key gets a sentence that names the problem instead of openssl's.
public enum JWTSigningKey {
  /// A key file larger than this is not a key.
  static let maximumFileSize = 1024 * 1024

  /// Throws `keyUnreadable` unless `path` is a regular file this process may read.
  public static func checkReadable(_ path: String) throws(JWTSigningError) {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw .keyUnreadable(
        path: path, reason: errno == ENOENT ? "there is no such file" : String(cString: strerror(errno)))
    }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw .keyUnreadable(path: path, reason: "it is a folder") }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw .keyUnreadable(path: path, reason: "it is not a file")
    }
    guard access(path, R_OK) == 0 else {
      throw .keyUnreadable(
        path: path, reason: "this user may not read it (\(String(cString: strerror(errno))))")
    }
    guard info.st_size <= maximumFileSize else {
      throw .keyUnreadable(path: path, reason: "it is larger than 1 MiB, far too large for a key")
    }
  }

  /// The public key of the private key in `path`, as PEM (to upload or give to the simulator).
  public static func publicKeyPEM(
    _ path: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) async throws(JWTSigningError) -> String {
    try checkReadable(path)
    // `-passin pass:` keeps openssl from asking for a passphrase on the terminal the wizard draws on.
    let command = SystemCommand(
      ["openssl", "pkey", "-in", path, "-passin", "pass:", "-pubout"], environment: environment)
    let result: SystemCommandOutput
    do {
      result = try await command.output()
    } catch {
      throw JWTSigningError(error, path: path)
    }
    guard result.succeeded else {
      let errors = result.errorText.lowercased()
      if errors.contains("decrypt") || errors.contains("pass phrase") || errors.contains("passphrase") {
        throw .encryptedKey(path: path)
      }
      throw .notAPrivateKey(path: path)
    }
    return String(decoding: result.standardOutput, as: UTF8.self)
  }

  /// Throws unless `path` holds an unencrypted RSA private key.
  public static func requireRSA(
    _ path: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) async throws(JWTSigningError) {
    let pem = try await publicKeyPEM(path, environment: environment)
    guard let der = derBytes(pem) else { throw .notAPrivateKey(path: path) }
    guard isRSA(der) else { throw .notAnRSAKey(path: path) }
  }

  /// The DER bytes inside a PEM block, or nil when there is none.
  static func derBytes(_ pem: String) -> Data? {
    let body = pem.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
    guard !body.isEmpty else { return nil }
    return Data(base64Encoded: body)
  }

  /// Whether a SubjectPublicKeyInfo names rsaEncryption (OID 1.2.840.113549.1.1.1).
  static func isRSA(_ der: Data) -> Bool {
    let rsaEncryption: [UInt8] = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]
    // The algorithm identifier comes first, within the first few dozen bytes.
    let head = [UInt8](der.prefix(32))
    guard head.count >= rsaEncryption.count else { return false }
    return (0...(head.count - rsaEncryption.count)).contains {
      Array(head[$0..<($0 + rsaEncryption.count)]) == rsaEncryption
    }
  }
}
