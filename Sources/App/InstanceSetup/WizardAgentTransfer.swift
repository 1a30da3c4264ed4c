import Diagnosis
import Platform
import Profiles
import TextSafety
import Vocabulary
import WizardCore

/// The wizard's "Prepare for live agent transfer": `AgentTransferAudit` as
/// `check NAME --for agent-transfer` runs it, read as the saved connection, and with `fix` its
/// changes made first through `SetupChange.apply` (the person said yes to exactly these).
enum WizardAgentTransfer {
  static func run(profile name: String, audit: AgentTransferAudit, fix: Bool, environment: AppEnvironment)
    async
    -> AgentTransferOutcome
  {
    let profile: Profile
    do {
      guard let found = try environment.store.load().profile(named: name) else {
        return .failed(
          Verdict(code: "profile.not_found", summary: "There is no saved connection named \(name)."))
      }
      profile = found
    } catch {
      return .failed(EffectPerformer.storeVerdict(error))
    }
    let access: AdminAccess
    switch await AdminAccess.signIn(profile, environment: environment) {
    case .failure(let problem):
      return .failed(
        Verdict(
          code: "setup.sign_in", summary: problem.text, remedies: ["Run snowgate check \(name) to see why."]))
    case .success(let signedIn):
      access = signedIn
    }
    var made: [String] = []
    if fix {
      var reader = SetupReader(access: access)
      let (_, changes) = await audit.run(&reader)
      for change in changes {
        if case .failure(let failure) = await change.apply(as: access) {
          return .failed(
            Verdict(
              code: failure.code, summary: "snowgate could not \(change.summary): \(failure.summary)",
              remedies: failure.remedies))
        }
        made.append(UntrustedText.visible(change.summary))
      }
    }
    var reader = SetupReader(access: access)
    let (lines, changes) = await audit.run(&reader)
    if let failure = reader.failure { return .failed(Outcomes.verdict(failure)) }
    return .checked(
      lines: lines.map(line),
      refused: reader.refusals.map { UntrustedText.visible("\($0.table): \($0.answer)") },
      changes: changes.map { UntrustedText.visible($0.summary) }, made: made)
  }

  /// A setup check as the wizard draws a check line; what the instance said is made visible.
  static func line(_ check: SetupCheck) -> CheckLineUpdate {
    let status: CheckLineModel.Status
    switch check.status {
    case .pass: status = .pass
    case .warn: status = .warn
    case .fail: status = .fail
    case .skip: status = .skip
    }
    return CheckLineUpdate(
      id: check.id, title: UntrustedText.visible(check.title), status: status,
      detail: UntrustedText.visible(check.detail), remedy: check.remedy.map { UntrustedText.visible($0) })
  }
}
