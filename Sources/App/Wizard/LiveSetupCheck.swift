import Diagnosis
import Platform
import Profiles
import TextSafety
import Vocabulary
import WizardCore

/// The diagnose screen's instance-setup layer: `check NAME --instance-setup --admin ADMIN`, run
/// by the same `InstanceSetupAudit.report`, its lines sent as check lines with the command's
/// ids (as codes), words and fixes.
///
/// Only reads: the screen never writes to the instance (fixes stay with `check --fix` and the
/// OAuth-client creation screen). A line headed `DiagnoseStep.setupLineID` comes first, running,
/// and at the end sums the lines up as the command's report does ("1 to fix.").
enum LiveSetupCheck {
  static func run(
    profile name: String, admin adminName: String, environment: AppEnvironment,
    progress: @escaping @Sendable (CheckLineUpdate) -> Void
  ) async {
    let admin = UntrustedText.visible(adminName)
    progress(header(.running, "Reading the OAuth record as \(admin)…"))
    let config: Config
    do {
      config = try environment.store.load()
    } catch {
      progress(header(.fail, "Not read: \(EffectPerformer.storeVerdict(error).summary)"))
      return
    }
    guard let profile = config.profile(named: name), let adminProfile = config.profile(named: adminName)
    else {
      progress(header(.fail, "Not read: there is no saved connection named \(admin)."))
      return
    }
    // The order the screen's `a` walks (`DiagnoseStep.adminChoices`): the profile, then the
    // other saved profiles of its instance as listed.
    let choices =
      [name]
      + config.profiles.filter { $0.name != name && InstanceSetupAudit.sameInstance($0, profile) }.map(\.name)
    let next = choices.firstIndex(of: adminName).map { choices[($0 + 1) % choices.count] }
    let another = askAnother(profile: name, next: next == adminName ? nil : next)
    guard InstanceSetupAudit.sameInstance(adminProfile, profile) else {
      progress(
        header(
          .fail, "Not read: \(admin) signs in to another instance than \(UntrustedText.visible(name)).",
          remedy: another))
      return
    }
    let access: AdminAccess
    switch await AdminAccess.signIn(adminProfile, environment: environment) {
    case .failure(let problem):
      progress(header(.fail, "Not read: \(UntrustedText.visible(problem.text))", remedy: another))
      return
    case .success(let signedIn):
      access = signedIn
    }
    let report: SetupReport
    switch await InstanceSetupAudit.report(of: profile, as: access, environment: environment) {
    case .failure(let failure):
      progress(
        header(
          .fail, "The instance could not be read: \(UntrustedText.visible(failure.summary))",
          remedy: failure.remedies.first.map { UntrustedText.visible($0) }))
      return
    case .success(let read):
      report = read
    }
    for check in report.checks {
      var line = WizardAgentTransfer.line(check)
      line.code = check.id
      progress(line)
    }
    for refusal in report.refused {
      // The command's "Reads the instance refused" section, one line a read.
      progress(
        CheckLineUpdate(
          id: "refused." + refusal.table, title: "Read refused: \(UntrustedText.visible(refusal.table))",
          status: .warn,
          detail: "\(UntrustedText.visible(refusal.answer)); it would have told \(refusal.wouldTell).",
          remedy: "\(admin) has no admin rights there. " + another,
          code: "refused." + refusal.table))
    }
    let status: CheckLineModel.Status =
      report.checks.contains { $0.status == .fail }
      ? .fail : (report.refused.isEmpty ? .pass : .warn)
    progress(
      header(
        status, "Read as \(admin): \(report.summary)",
        remedy: status == .pass ? nil : "Each line below says where to click; snowgate changes nothing here.")
    )
  }

  /// How to read the setup as an admin: `a` on this screen when another profile of the same
  /// instance is saved, else the command with `--admin`.
  static func askAnother(profile name: String, next: String?) -> String {
    let command = "snowgate check \(UntrustedText.visible(name)) --instance-setup --admin PROFILE"
    guard let next else {
      return "Save an admin connection of this instance, then press a here or run \(command)."
    }
    return "Press a to read it as \(UntrustedText.visible(next)), or run \(command)."
  }

  private static func header(
    _ status: CheckLineModel.Status, _ detail: String, remedy: String? = nil
  ) -> CheckLineUpdate {
    CheckLineUpdate(
      id: DiagnoseStep.setupLineID, title: "Instance setup", status: status, detail: detail, remedy: remedy,
      code: "instance_setup")
  }
}
