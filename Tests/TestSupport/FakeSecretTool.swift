import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A stand-in for `secret-tool` on PATH: keeps items in a 0600 file and records every call.
///
/// Store reads the secret on stdin, lookup prints it, clear removes it. Each call appends its
/// argv to `argv.log` and the number of `SNOWGATE_*` variables it got to `env.log`, so a test
/// can prove what reached the tool and what did not (no secret went through argv). A file named
/// `locked` makes it answer as a locked collection does; `slow` makes it hang. One fake for the
/// store's unit tests (ProfilesTests) and the real binary's (EndToEndTests, as `FakeKeyring`).
public struct FakeSecretTool: Sendable {
  public let folder: URL

  public static let script = """
    #!/bin/sh
    dir="$FAKE_KEYRING_DIR"
    umask 077
    printf '%s\\n' "$*" >> "$dir/argv.log"
    env | grep -c '^SNOWGATE_' >> "$dir/env.log"
    [ -e "$dir/slow" ] && exec sleep 30
    touch "$dir/db"
    cmd=$1; shift
    [ "$cmd" = store ] && shift
    key="$*"
    case "$cmd" in
    store)
      if [ -e "$dir/locked" ]; then
        echo "secret-tool: Cannot create an item in a locked collection" >&2; exit 1
      fi
      value=$(base64 -w0)
      awk -F'|' -v k="$key" '$1 != k' "$dir/db" > "$dir/db.new"
      printf '%s|%s\\n' "$key" "$value" >> "$dir/db.new"
      mv "$dir/db.new" "$dir/db" ;;
    lookup)
      [ -e "$dir/locked" ] && exit 1
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

  /// Installs the script as `secret-tool` in `folder/bin`.
  public init(in folder: URL) throws {
    self.folder = folder
    let bin = folder.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let path = bin.appendingPathComponent("secret-tool").path
    try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o755)
  }

  /// An environment that finds the fake first and has a session bus address.
  public var environment: [String: String] {
    [
      "PATH": folder.appendingPathComponent("bin").path + ":/usr/bin:/bin",
      "FAKE_KEYRING_DIR": folder.path, "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent-fake-bus",
    ]
  }

  /// Every recorded argv, one line per call.
  public var calls: [String] {
    let text = (try? String(contentsOf: folder.appendingPathComponent("argv.log"), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
  }

  /// How many SNOWGATE_* variables each call saw.
  public var snowgateVariableCounts: [String] {
    let text = (try? String(contentsOf: folder.appendingPathComponent("env.log"), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
  }

  public var database: URL { folder.appendingPathComponent("db") }

  /// Every recorded argv as written, one line per call.
  public var argvLog: String {
    (try? String(contentsOf: folder.appendingPathComponent("argv.log"), encoding: .utf8)) ?? ""
  }

  /// The decoded items: "service snowgate profile P kind K" → value.
  public var items: [String: String] {
    let text = (try? String(contentsOf: database, encoding: .utf8)) ?? ""
    var result: [String: String] = [:]
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
      guard parts.count == 2, let data = Data(base64Encoded: parts[1]) else { continue }
      result[parts[0]] = String(decoding: data, as: UTF8.self)
    }
    return result
  }

  /// The kinds stored for `profile`.
  public func kinds(of profile: String) -> Set<String> {
    Set(
      items.keys.compactMap { key in
        let words = key.split(separator: " ").map(String.init)
        guard let at = words.firstIndex(of: "profile"), at + 1 < words.count, words[at + 1] == profile,
          let kindAt = words.firstIndex(of: "kind"), kindAt + 1 < words.count
        else { return nil }
        return words[kindAt + 1]
      })
  }

  /// Creates (`on`) or removes the file `flag` (`locked`, `slow`).
  public func set(_ flag: String, _ on: Bool) {
    let path = folder.appendingPathComponent(flag).path
    if on { FileManager.default.createFile(atPath: path, contents: nil) } else { unlink(path) }
  }
}
