import Foundation
import Profiles
import ServiceNowClient
import WizardCore

/// Performs the wizard's effects against the real world and posts the results as events.
///
/// Each kind of operation runs in its own task; `.cancel` cancels it, and the client turns a
/// cancelled request into a result at once, which the reducer then ignores.
final class EffectPerformer: @unchecked Sendable {
  private let inbox: EventInbox
  private let environment: AppEnvironment
  private let lock = NSLock()
  private var tasks: [OperationKind: Task<Void, Never>] = [:]

  init(inbox: EventInbox, environment: AppEnvironment) {
    self.inbox = inbox
    self.environment = environment
  }

  /// Starts the work an effect asks for; `.quit` and `.diagnose` belong to the runtime.
  func perform(_ effect: WizardEffect) {
    switch effect {
    case .probeInstance(let url):
      run(.probe) { [environment] in
        let client = environment.client(for: url, apiVersion: nil)
        return .probeFinished(Outcomes.probe(await client.probe()))
      }
    case .testConnection(let draft):
      run(.test) { [environment] in
        await .testFinished(Self.test(draft, environment: environment))
      }
    case .saveProfile(let draft):
      run(.save) { [environment] in
        .saveFinished(Self.save(draft, store: environment.store))
      }
    case .loadProfile(let name):
      run(.loadProfile) { [environment] in
        await Self.load(name, environment: environment)
      }
    case .cancel(let kind):
      lock.lock()
      let task = tasks.removeValue(forKey: kind)
      lock.unlock()
      task?.cancel()
    case .diagnose, .quit:
      break
    }
  }

  /// Cancels everything still running; used on the way out.
  func cancelAll() {
    lock.lock()
    let running = tasks.values
    tasks.removeAll()
    lock.unlock()
    for task in running { task.cancel() }
  }

  private func run(_ kind: OperationKind, _ work: @escaping @Sendable () async -> WizardEvent) {
    let inbox = self.inbox
    let task = Task.detached {
      let event = await work()
      inbox.post(event)
    }
    lock.lock()
    let previous = tasks.updateValue(task, forKey: kind)
    lock.unlock()
    previous?.cancel()
  }

  // MARK: - The work

  static func test(_ draft: ConnectionDraft, environment: AppEnvironment) async -> TestOutcome {
    let client = environment.client(for: draft.instanceURL, apiVersion: draft.apiVersion)
    switch draft.auth {
    case .basic(let username, let password):
      let secret = Secret(password.revealed)
      environment.log.remember(secret)
      let result = await client.testTableAccess(auth: .basic(username: username, password: secret))
      return Outcomes.test(result, username: username)
    }
  }

  static func save(_ draft: ProfileDraft, store: ProfileStore) -> SaveOutcome {
    let connection = draft.connection
    var profile = Profile(
      name: draft.name, instanceURL: connection.instanceURL, apiVersion: connection.apiVersion,
      authType: .basic)
    var credentials = StoredCredentials()
    switch connection.auth {
    case .basic(let username, let password):
      profile.authType = .basic
      profile.username = username
      credentials.password = StoredSecret(password.revealed)
    }
    do {
      if let old = draft.replacing, old != draft.name,
        try store.load().profile(named: old) != nil
      {
        try store.rename(from: old, to: draft.name)
      }
      try store.save(profile: profile, secrets: credentials)
      return .saved(location: store.configURL.path)
    } catch {
      return .failed(storeVerdict(error))
    }
  }

  static func load(_ name: String, environment: AppEnvironment) async -> WizardEvent {
    do {
      let config = try environment.store.load()
      if let profile = config.profile(named: name) {
        let secrets = try? await environment.store.resolveSecrets(
          for: profile, environment: environment.variables)
        return .profileLoaded(
          SavedProfile(
            name: profile.name, instance: profile.instanceURL.absoluteString,
            authKind: AuthKind(rawValue: profile.authType.rawValue), username: profile.username ?? "",
            password: SecretText(secrets?.password?.exposedValue ?? "")))
      }
      if let draft = config.draft(named: name) {
        return .profileLoaded(
          SavedProfile(
            name: draft.name, instance: draft.instanceURL.absoluteString,
            authKind: draft.authType.flatMap { AuthKind(rawValue: $0.rawValue) },
            username: draft.username ?? ""))
      }
      return .profileLoadFailed(
        Verdict(
          code: "profile.not_found", summary: "There is no saved connection named \(name).",
          remedies: ["Run `snowgate profiles` to list the saved connections."]))
    } catch {
      return .profileLoadFailed(storeVerdict(error))
    }
  }

  /// A profile-store error as a verdict: the store's own sentence and what to do.
  static func storeVerdict(_ error: any Error) -> Verdict {
    if let storeError = error as? ProfileStoreError {
      let code: String
      switch storeError {
      case .unreadable: code = "config.unreadable"
      case .credentialsTooOpen: code = "config.credentials_too_open"
      case .nameTaken: code = "profile.name_taken"
      case .invalidName: code = "profile.invalid_name"
      default: code = "config.write_failed"
      }
      let text = storeError.errorDescription ?? "The profile store could not be written."
      let remedy = storeError.recoverySuggestion
      return Verdict(code: code, summary: text, remedies: remedy.map { [$0] } ?? [])
    }
    return Verdict(
      code: "config.write_failed",
      summary: "The connection could not be saved: \(error.localizedDescription)",
      remedies: ["Check that the configuration folder is writable."])
  }
}
