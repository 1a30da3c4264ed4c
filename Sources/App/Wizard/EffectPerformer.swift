import Dispatch
import Platform
import Profiles
import ServiceNowClient
import Vocabulary
import WizardCore

/// Performs the wizard's effects against the real world and posts the results as events.
///
/// Each kind of operation runs in its own task; `.cancel` cancels it, and the client turns a
/// cancelled request into a result at once. Every answer is posted as
/// `.result(of: operation, …)` with the operation the reducer started for the effect, so the
/// reducer drops the answers of an operation that is no longer in flight.
final class EffectPerformer: @unchecked Sendable {
  private let inbox: EventInbox
  private let environment: AppEnvironment
  private let lock = Lock()
  private var tasks: [OperationKind: Task<Void, Never>] = [:]
  private let signIn = BrowserSignIn()

  init(inbox: EventInbox, environment: AppEnvironment) {
    self.inbox = inbox
    self.environment = environment
  }

  /// Starts the work an effect asks for, answering as `operation`; `.quit` belongs to the runtime.
  func perform(_ effect: WizardEffect, as operation: OperationID? = nil) {
    let post = Self.poster(inbox, operation)
    switch effect {
    case .probeInstance(let url):
      run(.probe, post) { [environment] in
        let client = environment.client(for: url, apiVersion: nil)
        // One hop further, beside the probe so it adds no time: do the login pages send people
        // to an identity provider?
        let singleSignOn = Task { await client.detectSingleSignOn() }
        let outcome = Outcomes.probe(await client.probe())
        if outcome == .reachable,
          let provider = await BoundedWait.value(of: singleSignOn, within: .seconds(1))
        {
          post(.singleSignOnFound(provider))
        } else {
          singleSignOn.cancel()
        }
        return .probeFinished(outcome)
      }
    case .testConnection(let draft):
      run(.test, post) { [environment] in
        let outcome = await LiveCheck.run(draft, environment: environment) { update in
          // A cancelled run's late lines must not land in the next run's screen.
          if !Task.isCancelled { post(.checkProgress(update)) }
        }
        return .testFinished(outcome)
      }
    case .diagnose(let name, let setupAdmin):
      run(.diagnose, post) { [environment] in
        let progress: @Sendable (CheckLineUpdate) -> Void = { update in
          if !Task.isCancelled { post(.checkProgress(update)) }
        }
        let outcome = await LiveCheck.run(profile: name, environment: environment, progress: progress)
        // After the layers, whatever they found: an inactive record or a wrong redirect URL is
        // often why they failed. Same operation, so a late line cannot land in another run.
        if let setupAdmin, !Task.isCancelled {
          await LiveSetupCheck.run(
            profile: name, admin: setupAdmin, environment: environment, progress: progress)
        }
        return .testFinished(outcome)
      }
    case .saveProfile(let draft):
      run(.save, post) { [environment] in
        .saveFinished(
          Self.save(
            draft, store: environment.store, caBundle: environment.caBundle, variables: environment.variables)
        )
      }
    case .loadProfile(let name):
      run(.loadProfile, post) { [environment] in
        await Self.load(name, environment: environment)
      }
    case .requestToken(let draft):
      run(.token, post) { [environment] in
        await .tokenFinished(Self.token(draft, environment: environment))
      }
    case .requestJWTToken(let draft):
      run(.token, post) { [environment] in
        await .tokenFinished(Self.token(draft, environment: environment))
      }
    case .startAuthorization(let draft):
      if let work = signIn.start(draft, environment: environment, post: post) {
        run(.authorization, post, work)
      }
    case .completeAuthorization(let pasted):
      if let work = signIn.complete(pasted: pasted) {
        run(.authorization, post, work)
      }
    case .saveDraft(let draft):
      // Comes right before quitting: done now, on this thread, so it is on disk before exit.
      _ = try? environment.store.saveDraft(draft)
    case .checkKeyring:
      // A blocking probe (secret-tool store and clear, an unlock prompt at worst): off the pool.
      let keyring = environment.store.keyring
      DispatchQueue.global().async {
        switch keyring.availability() {
        case .available: post(.keyringChecked(problem: nil))
        case .unavailable(let problem): post(.keyringChecked(problem: problem.description))
        }
      }
    case .moveBrokenConfigAside:
      run(.moveAside, post) { [environment] in
        do {
          let kept = try environment.store.moveAside(environment.store.configURL)
          return .brokenConfigMoved(.moved(keptAs: kept.path))
        } catch {
          return .brokenConfigMoved(.failed(Self.storeVerdict(error)))
        }
      }
    case .checkAdmin(let request):
      run(.instanceSetup, post) { [environment] in
        .adminChecked(await OAuthClientCreator.check(request, environment: environment))
      }
    case .createOAuthClient(let request):
      run(.instanceSetup, post) { [environment] in
        .oauthClientCreated(await OAuthClientCreator.create(request, environment: environment))
      }
    case .checkAgentTransfer(let name, let webhook, let group, let member, let fix):
      run(.instanceSetup, post) { [environment] in
        .agentTransferChecked(
          await WizardAgentTransfer.run(
            profile: name,
            audit: AgentTransferAudit(webhook: webhook, group: group, member: member, keys: .wizard),
            fix: fix, environment: environment))
      }
    case .cancel(let kind):
      lock.lock()
      let task = tasks.removeValue(forKey: kind)
      lock.unlock()
      task?.cancel()
      if kind == .authorization { signIn.cancel() }
    case .quit, .showPlainText:
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
    signIn.cancel()
  }

  /// Posts an answer of `operation`, tagged with it (untagged when the reducer started none).
  static func poster(_ inbox: EventInbox, _ operation: OperationID?) -> @Sendable (WizardEvent) -> Void {
    { event in inbox.post(operation.map { .result(of: $0, event) } ?? event) }
  }

  private func run(
    _ kind: OperationKind, _ post: @escaping @Sendable (WizardEvent) -> Void,
    _ work: @escaping @Sendable () async -> WizardEvent
  ) {
    let task = Task.detached {
      let event = await work()
      // Needless once cancelled; the tag makes the reducer drop it anyway if it still arrives.
      if !Task.isCancelled { post(event) }
    }
    lock.lock()
    let previous = tasks.updateValue(task, forKey: kind)
    lock.unlock()
    previous?.cancel()
  }

  // MARK: - The work

  static func token(_ draft: TokenRequestDraft, environment: AppEnvironment) async -> TokenOutcome {
    let client = environment.client(for: draft.instanceURL, apiVersion: nil)
    let secret = draft.clientSecret.flatMap { $0.isEmpty ? nil : $0 }
    if let secret { environment.log.remember(secret) }
    let request = TokenRequest(
      clientID: draft.clientID, clientSecret: secret, grant: draft.grant,
      scope: draft.scope.isEmpty ? nil : draft.scope)
    switch await client.requestToken(request) {
    case .success(let tokens):
      environment.log.remember(tokens.accessToken)
      if let refresh = tokens.refreshToken { environment.log.remember(refresh) }
      return .received(ProfileMapping.summary(tokens))
    case .failure(let failure):
      return .failed(Outcomes.verdict(failure))
    }
  }

  /// Signs a fresh assertion with the draft's key file (as `token` and `check` do) and asks for
  /// a token with it; a key that cannot be used answers its `jwt.key_*` verdict.
  static func token(_ draft: JWTTokenRequestDraft, environment: AppEnvironment) async -> TokenOutcome {
    let made = await JWTGrant.make(
      profileName: "this connection", clientID: draft.clientID, subject: draft.subject, keyID: draft.keyID,
      keyFile: KeyFilePath.absolute(draft.keyFile, environment: environment.variables),
      environment: environment.variables)
    switch made {
    case .success(let grant):
      if case .jwtBearer(let assertion) = grant { environment.log.remember(assertion) }
      return await token(
        TokenRequestDraft(
          instanceURL: draft.instanceURL, grant: grant, clientID: draft.clientID,
          clientSecret: draft.clientSecret, scope: draft.scope),
        environment: environment)
    case .failure(let failure):
      return .failed(Outcomes.verdict(failure))
    }
  }

  /// Saves the draft; `caBundle` (`setup --ca-bundle FILE`) goes into the profile.
  static func save(
    _ draft: ProfileDraft, store: ProfileStore, caBundle: String? = nil, variables: [String: String] = [:]
  ) -> SaveOutcome {
    var (profile, credentials) = ProfileMapping.profile(for: draft, environment: variables)
    if let caBundle { profile.caBundle = caBundle }
    do {
      // Editing keeps the CA bundle the profile was saved with: the wizard has no field for it.
      if profile.caBundle == nil, let edited = try store.load().profile(named: draft.replacing ?? draft.name)
      {
        profile.caBundle = edited.caBundle
      }
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
        let description = SetupDraft(
          name: profile.name, authType: profile.authType, connection: profile.connection,
          secretStore: profile.secretStore)
        // The user's secrets only: the issued tokens are no field of the wizard's.
        let saved = SavedProfile(
          draft: description, secrets: secrets?.values.userSecretsOnly ?? StoredCredentials())
        return .profileLoaded(saved)
      }
      if let draft = config.draft(named: name) {
        // Every field the draft kept, and the step it stopped at; its secrets are asked again.
        return .profileLoaded(SavedProfile(draft: draft))
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
      case .untrusted: code = "config.untrusted"
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
      summary: "The connection could not be saved: \(ErrorText.describe(error))",
      remedies: ["Check that the configuration folder is writable."])
  }
}
