import Diagnosis
import Platform
import TextSafety

/// What a setup check found, for a person or as JSON, and the exit status it is worth.
///
/// Every value read from the instance (names, endpoints) is shown through `UntrustedText`, so a
/// record cannot move the cursor or recolour the terminal.
struct SetupReport: Sendable, Encodable {
  var profile: String
  var instance: String
  /// The profile whose sign-in made the reads.
  var admin: String
  /// `instance-setup` or `agent-transfer`.
  var check: String
  var checks: [SetupCheck]
  var refused: [SetupRefusal]
  /// The changes `--fix` would make (or made).
  var changes: [SetupChange]

  var ok: Bool { !checks.contains { $0.status == .fail } && refused.isEmpty }

  enum CodingKeys: String, CodingKey { case profile, instance, admin, check, ok, checks, refused, changes }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(profile, forKey: .profile)
    try container.encode(instance, forKey: .instance)
    try container.encode(admin, forKey: .admin)
    try container.encode(check, forKey: .check)
    try container.encode(ok, forKey: .ok)
    try container.encode(checks, forKey: .checks)
    try container.encode(refused, forKey: .refused)
    try container.encode(changes, forKey: .changes)
  }

  /// 0 when every line passes or warns, 1 when one fails, 3 when only refused reads stand in the way.
  var exitStatus: Int32 {
    if checks.contains(where: { $0.status == .fail }) { return 1 }
    return refused.isEmpty ? 0 : 3
  }

  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(self)) ?? Data(utf8Of: "{}")
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  func human() -> String {
    let what = check == "agent-transfer" ? "Agent transfer readiness" : "Instance setup"
    var out = "\(what) of \(profile) (\(instance)), read as \(admin):\n"
    for line in checks {
      out += "  \(line.status.symbol) \(line.title): \(UntrustedText.visible(line.detail))\n"
      if let remedy = line.remedy { out += "      fix: \(UntrustedText.visible(remedy))\n" }
    }
    if !refused.isEmpty {
      out += "\nReads the instance refused (\(admin) has no admin rights there; run with --admin PROFILE):\n"
      for refusal in refused {
        out += "  ✗ \(refusal.table): \(UntrustedText.visible(refusal.answer))\n"
        out += "      it would have told \(refusal.wouldTell).\n"
      }
    }
    out += "\n" + summary + "\n"
    return out
  }

  /// The last line of the report: "Nothing to fix.", "2 to fix; 1 read(s) refused." (the
  /// diagnose screen heads its setup lines with it).
  var summary: String {
    let failing = checks.filter { $0.status == .fail }.count
    return (failing == 0 ? "Nothing to fix" : "\(failing) to fix")
      + (refused.isEmpty ? "." : "; \(refused.count) read(s) refused.")
  }

  /// The changes as the --fix question lists them.
  func changeList() -> String {
    changes.map { change in
      let fields = change.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
        separator: ", ")
      let target = change.sysID.map { "PATCH \(change.table)/\($0)" } ?? "POST \(change.table)"
      return
        "  - \(UntrustedText.visible(change.summary))\n      \(target) {\(UntrustedText.visible(fields))}\n"
    }.joined()
  }
}
