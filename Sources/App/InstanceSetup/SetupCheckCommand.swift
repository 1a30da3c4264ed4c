import Platform
import Profiles
import ServiceNowClient

/// `check NAME --instance-setup` and `check NAME --for agent-transfer [--fix]`: reads the
/// instance's configuration as an admin and says, line by line, what is right and where to click.
///
/// Nothing is written without a yes: `--fix` lists the changes, then asks on the terminal (or
/// takes `--yes`); with neither a terminal nor `--yes` it refuses and writes nothing.
enum SetupCheckCommand {
  static func run(_ request: CheckRequest, environment: AppEnvironment) async -> Int32 {
    let config: Config
    do {
      config = try environment.store.load()
    } catch {
      return CommandLineTool.fail(UsageError(CheckPlanner.describe(error)))
    }
    guard let name = request.profile ?? config.defaultProfile, let profile = config.profile(named: name)
    else {
      let named = request.profile ?? config.defaultProfile
      return CommandLineTool.fail(
        UsageError(
          named.map { CheckPlanner.describe(ProfileStoreError.profileNotFound($0)) }
            ?? "name the profile whose instance to check (no default profile is set)."))
    }
    let adminName = request.admin ?? profile.name
    guard let adminProfile = config.profile(named: adminName) else {
      return CommandLineTool.fail(
        UsageError(CheckPlanner.describe(ProfileStoreError.profileNotFound(adminName))))
    }
    guard InstanceSetupAudit.sameInstance(adminProfile, profile) else {
      return CommandLineTool.fail(
        UsageError(
          "--admin \(adminName) signs in to \(adminProfile.instanceURL.absoluteString), not to "
            + "\(profile.name)'s instance \(profile.instanceURL.absoluteString).",
          hint: "Give an admin profile of the same instance."))
    }
    let access: AdminAccess
    switch await AdminAccess.signIn(adminProfile, environment: environment) {
    case .failure(let problem):
      CommandLineTool.printError("snowgate: \(problem.text)")
      environment.writeLogIfAsked()
      return 3
    case .success(let signedIn):
      access = signedIn
    }
    defer { environment.writeLogIfAsked() }
    guard let report0 = await audit(request, profile: profile, access: access, environment: environment)
    else {
      return 1
    }
    guard request.fix, !report0.changes.isEmpty else {
      emit(report0, request)
      if request.fix, report0.checks.contains(where: { $0.status == .fail }) {
        CommandLineTool.printError(
          "Nothing --fix can change through the Table API; the lines above say where to click.")
      }
      return report0.exitStatus
    }
    // JSON carries one document: the report after the changes (or this one when none are made).
    if !request.json { emit(report0, request) }
    let list = report0.changeList()
    CommandLineTool.printError(
      "\nsnowgate would make these changes on \(profile.instanceURL.absoluteString):\n" + list)
    let agreed: Bool
    if request.yes {
      agreed = true
    } else if Confirmation.canAsk {
      agreed = Confirmation.ask("Make these \(report0.changes.count) change(s)?")
    } else {
      CommandLineTool.printError(
        "snowgate: nothing was changed: --fix asks before writing and stdin is not a terminal; "
          + "run it at a terminal, or add --yes to answer yes in a script.")
      if request.json { emit(report0, request) }
      return 2
    }
    guard agreed else {
      CommandLineTool.printError("Nothing was changed.")
      if request.json { emit(report0, request) }
      return 1
    }
    for change in report0.changes {
      if case .failure(let failure) = await change.apply(as: access) {
        CommandLineTool.printError("snowgate: could not \(change.summary): \(failure.summary)")
        return 1
      }
      CommandLineTool.printError("done: \(change.summary)")
    }
    guard let after = await audit(request, profile: profile, access: access, environment: environment) else {
      return 1
    }
    if !request.json { CommandLineTool.printError("\nAfter the changes:") }
    emit(after, request)
    return after.exitStatus
  }

  /// Runs the asked audit; nil (the failure said on stderr) when the instance could not be read at all.
  private static func audit(
    _ request: CheckRequest, profile: Profile, access: AdminAccess, environment: AppEnvironment
  ) async -> SetupReport? {
    if request.instanceSetup {
      switch await InstanceSetupAudit.report(of: profile, as: access, environment: environment) {
      case .success(let report):
        return report
      case .failure(let failure):
        CommandLineTool.printError("snowgate: the instance could not be read: \(failure.description)")
        return nil
      }
    }
    var reader = SetupReader(access: access)
    let audit = AgentTransferAudit(
      webhook: request.webhook, group: request.group ?? AgentTransferAudit.defaultGroup,
      member: request.member)
    let (lines, changes) = await audit.run(&reader)
    if let failure = reader.failure {
      CommandLineTool.printError("snowgate: the instance could not be read: \(failure.description)")
      return nil
    }
    return SetupReport(
      profile: profile.name, instance: profile.instanceURL.absoluteString, admin: access.name,
      check: "agent-transfer", checks: lines, refused: reader.refusals, changes: changes)
  }

  private static func emit(_ report: SetupReport, _ request: CheckRequest) {
    StandardStream.output.write((request.json ? report.json() : report.human()))
  }
}
