import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A stand-in for `secret-tool` on PATH: keeps items in a 0600 file and records every call.
///
/// Each call appends its argv to `argv.log` and the number of `SNOWGATE_*` variables it got to
/// `env.log`, so a test can prove what reached the tool and what did not. A file named `locked`
/// makes it answer as a locked collection does; `slow` makes it hang.
struct FakeSecretTool {
  let folder: URL

  static let script = """
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
  init(in folder: URL) throws {
    self.folder = folder
    let bin = folder.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let path = bin.appendingPathComponent("secret-tool").path
    try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o755)
  }

  /// An environment that finds the fake first and has a session bus address.
  var environment: [String: String] {
    [
      "PATH": folder.appendingPathComponent("bin").path + ":/usr/bin:/bin",
      "FAKE_KEYRING_DIR": folder.path, "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent-fake-bus",
    ]
  }

  /// Every recorded argv, one line per call.
  var calls: [String] {
    let text = (try? String(contentsOf: folder.appendingPathComponent("argv.log"), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
  }

  /// How many SNOWGATE_* variables each call saw.
  var snowgateVariableCounts: [String] {
    let text = (try? String(contentsOf: folder.appendingPathComponent("env.log"), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
  }

  var database: URL { folder.appendingPathComponent("db") }

  func set(_ flag: String, _ on: Bool) {
    let path = folder.appendingPathComponent(flag).path
    if on { FileManager.default.createFile(atPath: path, contents: nil) } else { unlink(path) }
  }
}
