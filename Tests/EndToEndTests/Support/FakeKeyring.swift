import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A fake `secret-tool` on PATH for the real binary: items in a 0600 file, every argv recorded.
///
/// The same script as ProfilesTests' FakeSecretTool (test targets cannot share files): store
/// reads the secret on stdin, lookup prints it, clear removes it; `argv.log` proves no secret
/// went through argv.
struct FakeKeyring {
  let folder: URL

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
      grep -q -F -- "$key|" "$dir/db" || exit 1
      awk -F'|' -v k="$key" '$1 != k' "$dir/db" > "$dir/db.new"
      mv "$dir/db.new" "$dir/db" ;;
    *) echo "secret-tool: unknown command" >&2; exit 2 ;;
    esac
    """

  init(in folder: URL) throws {
    self.folder = folder
    let bin = folder.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let path = bin.appendingPathComponent("secret-tool").path
    try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o755)
  }

  /// Variables that make snowgate find the fake and believe a session bus is there.
  var environment: [String: String] {
    [
      "PATH": folder.appendingPathComponent("bin").path + ":/usr/bin:/bin", "FAKE_KEYRING_DIR": folder.path,
      "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent-fake-bus",
    ]
  }

  /// Every recorded argv, one line per call.
  var argvLog: String {
    (try? String(contentsOf: folder.appendingPathComponent("argv.log"), encoding: .utf8)) ?? ""
  }

  /// The decoded items: "service snowgate profile P kind K" → value.
  var items: [String: String] {
    let text = (try? String(contentsOf: folder.appendingPathComponent("db"), encoding: .utf8)) ?? ""
    var result: [String: String] = [:]
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
      guard parts.count == 2, let data = Data(base64Encoded: parts[1]) else { continue }
      result[parts[0]] = String(decoding: data, as: UTF8.self)
    }
    return result
  }

  /// The kinds stored for `profile`.
  func kinds(of profile: String) -> Set<String> {
    Set(
      items.keys.compactMap { key in
        let words = key.split(separator: " ").map(String.init)
        guard let at = words.firstIndex(of: "profile"), at + 1 < words.count, words[at + 1] == profile,
          let kindAt = words.firstIndex(of: "kind"), kindAt + 1 < words.count
        else { return nil }
        return words[kindAt + 1]
      })
  }
}
