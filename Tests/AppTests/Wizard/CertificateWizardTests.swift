import Foundation
import Profiles
import TestSupport
import Testing
import Vocabulary
import WizardCore

@testable import App

#if canImport(Glibc)
  import Glibc
#endif

/// The wizard's certificate sign-in in process: the real reducer, runtime and client on a fake
/// terminal, against the in-process simulator behind the mutual-TLS front of Tests/Fixtures
/// (which requires a client certificate of a test CA and acts as the user mapped to it). The
/// certificate's encrypted key opens with a sentinel passphrase that no frame may show.
@MainActor
@Suite(.serialized) struct CertificateWizardTests {
  static let passphrase = "S3CR3T-wizard-passphrase"
  static let front = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/mtls_front.py")

  /// Starts the front before `upstream`; returns it and the port it printed.
  static func startFront(_ made: TestCertificates, upstream: URL) throws -> (Process, Int) {
    let process = Process()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", front.path, "--cert", made.server.cert, "--key", made.server.key, "--ca", made.caFile,
      "--upstream", upstream.absoluteString, "--map",
      "snowgate encrypted client=admin:\(TokenTestBed.password)",
    ]
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    var buffer = Data()
    while !buffer.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      buffer.append(chunk)
    }
    let port = Int(String(decoding: buffer, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    return (process, port ?? 0)
  }

  @Test func aCertificateIsChosenTypedTestedAndSavedWithItsPassphrase() async throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else { return }
    let bed = try TokenTestBed()
    let made = try TestCertificates.make(passphrase: Self.passphrase)
    defer { made.remove() }
    let (front, port) = try Self.startFront(made, upstream: bed.server.baseURL)
    defer {
      kill(front.processIdentifier, SIGKILL)
      front.waitUntilExit()
    }
    try #require(port > 0, "the front printed no port")

    let (certificate, key) = made.encrypted
    let index = try #require(AuthKind.allCases.filter(\.isAvailable).firstIndex(of: .certificate))
    let steps: [FakeTerminal.Step] =
      [
        .waitFor("Set up a new connection"), .keys([.enter]),
        .waitFor("Instance address"), .type("https://localhost:\(port)"), .keys([.enter]),
        // Without a certificate yet, the address probe is refused: that is the point of the server.
        .waitFor("client certificate"), .keys([.enter]),
        .waitFor("How should snowgate sign in?"), .keys(Array(repeating: .down, count: index) + [.enter]),
        .waitFor("Sign in with a client certificate"), .keys([.help]),
        .waitFor("User to Certificate Mapping"), .keys([.escape]),
        .waitFor("Certificate file"), .type(certificate), .keys([.tab]), .type(key), .keys([.tab]),
        .type(Self.passphrase), .keys([.enter]),
      ] + InProcessWizardTests.testAndSave("sim-mtls")
    var environment = AppEnvironment(variables: [:], store: bed.store, log: bed.log, deadline: .seconds(5))
    environment.caBundle = made.caFile
    let terminal = FakeTerminal(steps)
    let outcome = await WizardRuntime(terminal: terminal, environment: environment).run(
      start: .start(savedProfiles: []))
    #expect(terminal.isFinished, "the wizard ended before the script did:\n\(terminal.screen)")
    #expect(outcome == .success)

    let profile = try #require(try bed.store.load().profile(named: "sim-mtls"), "nothing was saved")
    #expect(profile.authType == .certificate)
    #expect(profile.clientCertificateFile == certificate)
    #expect(profile.clientKeyFile == key)
    let secrets = try await bed.store.resolveSecrets(for: profile, environment: [:])
    #expect(secrets.values.keyPassphrase?.reveal() == Self.passphrase)
    #expect(
      terminal.frames.contains { $0.contains("signed in as admin") || $0.contains("Signed in as admin") })
    #expect(!terminal.frames.contains { $0.contains(Self.passphrase) }, "a frame shows the passphrase")
    #expect(!bed.log.render(includeBodies: true).contains(Self.passphrase), "the log shows the passphrase")
  }
}
