import Foundation
import SystemCommands

#if canImport(Glibc)
  import Glibc
#endif

/// A private D-Bus session with an unlocked gnome-keyring, in a throwaway home folder.
///
/// Started the way `dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock
/// --components=secrets; …'` would, but with the daemons' addresses handed back so the test
/// process itself can talk to them. The real home folder and any desktop keyring stay untouched:
/// HOME and the XDG folders point into the temporary folder.
struct RealKeyringSession {
  /// Why a real keyring cannot run here, or nil when it can.
  static var unavailableReason: String? {
    let path = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    let missing = ["dbus-daemon", "gnome-keyring-daemon", "secret-tool"].filter {
      SystemCommand.locate($0, environment: path) == nil
    }
    if missing.isEmpty { return nil }
    return "a real keyring needs " + missing.joined(separator: ", ")
      + " (Debian packages: dbus, gnome-keyring, libsecret-tools)"
  }

  let environment: [String: String]
  private let busPID: pid_t

  /// Starts the bus and (unless told not to) an unlocked keyring; `folder` becomes their home.
  ///
  /// Without `serviceFiles` the bus knows no program to start for org.freedesktop.secrets, as on
  /// a machine without any keyring installed.
  init(home folder: URL, startKeyring: Bool = true, serviceFiles: Bool = true) throws {
    var environment: [String: String] = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": folder.path,
      "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
      "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
      "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
      "XDG_RUNTIME_DIR": folder.appendingPathComponent("run").path,
    ]
    for key in ["data", "config", "cache", "run"] {
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent(key), withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    }
    var configuration = ["--session"]
    if !serviceFiles {
      let file = folder.appendingPathComponent("bus.conf")
      try Self.bareBusConfiguration.write(to: file, atomically: true, encoding: .utf8)
      configuration = ["--config-file=" + file.path]
    }
    let bus = try SystemCommand(
      ["dbus-daemon"] + configuration + ["--fork", "--print-address=1", "--print-pid=1"],
      environment: environment
    ).run()
    let lines = String(decoding: bus.standardOutput, as: UTF8.self).split(separator: "\n").map(String.init)
    guard bus.succeeded, lines.count >= 2, let pid = pid_t(lines[1]) else {
      throw SessionError.busDidNotStart(bus.errorText)
    }
    busPID = pid
    environment["DBUS_SESSION_BUS_ADDRESS"] = lines[0]
    guard startKeyring else {
      self.environment = environment
      return
    }
    let keyring = try SystemCommand(
      ["gnome-keyring-daemon", "--unlock", "--components=secrets"], input: Data("unlockpw".utf8),
      environment: environment
    ).run()
    guard keyring.succeeded else {
      kill(pid, SIGTERM)
      throw SessionError.keyringDidNotStart(keyring.errorText)
    }
    self.environment = environment
  }

  /// Ends the bus; gnome-keyring-daemon leaves with it.
  func stop() {
    kill(busPID, SIGTERM)
  }

  /// A session bus that allows everything and activates nothing (without the eavesdrop rules,
  /// seen here, secret-tool waits forever for the bus's answer).
  static let bareBusConfiguration = """
    <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
     "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
    <busconfig>
      <type>session</type>
      <listen>unix:tmpdir=/tmp</listen>
      <policy context="default">
        <allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/>
      </policy>
    </busconfig>
    """

  enum SessionError: Error {
    case busDidNotStart(String)
    case keyringDidNotStart(String)
  }
}
