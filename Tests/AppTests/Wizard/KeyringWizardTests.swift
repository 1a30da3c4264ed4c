import Foundation
import Profiles
import Simulator
import TestSupport
import Testing
import Vocabulary
import WizardCore

@testable import App

/// The wizard's save screen where a keyring answers (a fake `secret-tool` on PATH keeping items
/// in a 0600 file): the keyring is the default, saving asks nothing, and credentials.json holds
/// nothing of the profile.
@MainActor
@Suite(.serialized) struct KeyringWizardTests {
  /// The fake's script: store reads the secret on stdin, lookup prints it, clear removes it;
  /// every argv is logged, so a secret in argv would show.
  static let script = """
    #!/bin/sh
    dir="$FAKE_KEYRING_DIR"
    umask 077
    printf '%s\\n' "$*" >> "$dir/argv.log"
    touch "$dir/db"
    cmd=$1; shift
    [ "$cmd" = store ] && shift
    key="$*"
    case "$cmd" in
    store)
      value=$(base64 -w0)
      awk -F'|' -v k="$key" '$1 != k' "$dir/db" > "$dir/db.new"
      printf '%s|%s\\n' "$key" "$value" >> "$dir/db.new"
      mv "$dir/db.new" "$dir/db" ;;
    lookup)
      value=$(awk -F'|' -v k="$key" '$1 == k {print $2}' "$dir/db")
      [ -n "$value" ] || exit 1
      printf '%s' "$value" | base64 -d ;;
    clear)
      awk -F'|' -v k="$key" '$1 != k' "$dir/db" > "$dir/db.new"
      mv "$dir/db.new" "$dir/db" ;;
    esac
    """

  @Test func whereAKeyringAnswersItIsTheDefaultAndTheFileHoldsNothing() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-wizard-keyring-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let bin = folder.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let tool = bin.appendingPathComponent("secret-tool").path
    try Self.script.write(toFile: tool, atomically: true, encoding: .utf8)
    chmod(tool, 0o755)
    let bed = try TokenTestBed(apiKeys: [
      SimulatedAPIKey(key: SignInKindWizardTests.apiKey, userName: "admin")
    ])
    let keyringEnvironment = [
      "PATH": bin.path + ":/usr/bin:/bin", "FAKE_KEYRING_DIR": folder.path,
      "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent-fake-bus",
    ]
    let index = try #require(AuthKind.allCases.firstIndex(of: .apiKey))
    let steps =
      InProcessWizardTests.toAuthType(bed, index: index) + [
        .waitFor("Sign in with a REST API key"), .keys([.paste(Secret(SignInKindWizardTests.apiKey))]),
        .keys([.enter]), .waitFor("Test the connection"), .keys([.enter]),
        .waitFor("The connection works."), .keys([.enter]),
        .waitFor("OS keyring (default)"), .keys([.clearField]), .type("sim-keyring"), .keys([.enter]),
        .waitFor("Connection saved"), .keys([.enter]),
      ]
    let (terminal, outcome) = await InProcessWizardTests.run(
      steps, bed: bed, keyring: KeyringStore(environment: keyringEnvironment))
    #expect(outcome == .success)
    #expect(!terminal.frames.contains { $0.contains("Keep the secrets in a plain file?") })
    var store = bed.store
    store.keyring = KeyringStore(environment: keyringEnvironment)
    let profile = try #require(try store.load().profile(named: "sim-keyring"), "nothing was saved")
    let secrets = try await store.resolveSecrets(for: profile, environment: [:])
    #expect(profile.secretStore == .keyring)
    #expect(
      secrets.values.apiKey?.reveal() == SignInKindWizardTests.apiKey,
      "the keyring does not give the key back")
    let credentials = bed.folder.appendingPathComponent("credentials.json")
    let text = (try? String(contentsOf: credentials, encoding: .utf8)) ?? ""
    #expect(!text.contains("sim-keyring"), "credentials.json has an entry for a keyring profile")
    let argv = (try? String(contentsOf: folder.appendingPathComponent("argv.log"), encoding: .utf8)) ?? ""
    #expect(argv.contains("kind api_key"), "the key never reached the keyring: \(argv)")
    #expect(!argv.contains(SignInKindWizardTests.apiKey), "the key went through argv")
    InProcessWizardTests.expectNoSecret(in: terminal, [SignInKindWizardTests.apiKey])
  }
}
