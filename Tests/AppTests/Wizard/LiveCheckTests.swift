import Foundation
import ServiceNowClient
import Testing
import Vocabulary
import WizardCore

@testable import App

/// The wizard's connection test against the simulated instance: the same layered checks as
/// `snowgate check`, every line reported as it starts and ends.
@Suite struct LiveCheckTests {
  /// Collects the updates a run posts, from whatever task posts them.
  final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var updates: [CheckLineUpdate] = []

    func post(_ update: CheckLineUpdate) { lock.withLock { updates.append(update) } }
    var all: [CheckLineUpdate] { lock.withLock { updates } }

    /// The last update of each line, in the order the lines first appeared.
    var final: [CheckLineUpdate] {
      var order: [String] = []
      var last: [String: CheckLineUpdate] = [:]
      for update in all {
        if last[update.id] == nil { order.append(update.id) }
        last[update.id] = update
      }
      return order.compactMap { last[$0] }
    }
  }

  static func environment(_ bed: TokenTestBed) -> AppEnvironment {
    AppEnvironment(variables: [:], store: bed.store, log: bed.log, deadline: .seconds(5))
  }

  static func basic(_ bed: TokenTestBed, password: String) -> ConnectionDraft {
    ConnectionDraft(
      instanceURL: bed.server.baseURL, auth: .basic(username: "admin", password: Secret(password)))
  }

  @Test func aPasswordThatIsTheUserNameLeavesTheUserNamedOnTheTestScreen() throws {
    let bed = try TokenTestBed()
    let environment = Self.environment(bed)
    _ = ConnectionService(environment: environment).plan(draft: Self.basic(bed, password: "admin"))
    // The server's "admin" (the user it names) stays; the Basic pair's base64 is still masked.
    let pair = Data("admin:admin".utf8).base64EncodedString()
    #expect(environment.log.scrubber.scrub("signed in as admin") == "signed in as admin")
    #expect(!environment.log.scrubber.scrub("echo \(pair)").contains(pair))
    _ = ConnectionService(environment: environment).plan(draft: Self.basic(bed, password: "S3CR3T-pw"))
    #expect(!environment.log.scrubber.scrub("echo S3CR3T-pw").contains("S3CR3T-pw"))
  }

  @Test func aWorkingBasicConnectionPassesEveryLayerAndReportsEachLineLive() async throws {
    let bed = try TokenTestBed()
    let lines = Lines()
    let outcome = await LiveCheck.run(
      Self.basic(bed, password: TokenTestBed.password), environment: Self.environment(bed),
      progress: lines.post)
    guard case .passed(let report) = outcome else {
      Issue.record("expected a pass, got \(outcome)")
      return
    }
    #expect(report.details.first == "Signed in as admin.")
    let ids = ["url", "proxy", "dns", "tcp", "tls", "instance", "auth", "api", "api_meta", "token"]
    #expect(Array(lines.all.prefix(10)).map(\.status) == Array(repeating: .pending, count: 10))
    #expect(lines.final.map(\.id) == ids)
    #expect(
      lines.final.map(\.status) == [.pass, .skip, .pass, .pass, .skip, .pass, .pass, .pass, .pass, .skip])
    for id in ["dns", "auth", "api"] {
      #expect(lines.all.contains { $0.id == id && $0.status == .running }, "\(id) never showed as running")
    }
    #expect(!lines.all.contains { "\($0)".contains("SENTINEL") })
  }

  @Test func aWrongPasswordFailsAtAuthWithItsRemedyAndSkipsWhatFollows() async throws {
    let bed = try TokenTestBed()
    let lines = Lines()
    let outcome = await LiveCheck.run(
      Self.basic(bed, password: "S3CR3T-wrong-SENTINEL"), environment: Self.environment(bed),
      progress: lines.post)
    guard case .failed(let verdict) = outcome else {
      Issue.record("expected a failure, got \(outcome)")
      return
    }
    #expect(verdict.code == "auth.basic_rejected")
    #expect(verdict.summary.contains("refused the user name and password (401)"))
    let auth = lines.final.first { $0.id == "auth" }
    #expect(auth?.status == .fail)
    #expect(auth?.code == "auth.basic_rejected")
    #expect(auth?.remedy?.isEmpty == false)
    #expect(lines.final.suffix(3).map(\.status) == [.skip, .skip, .skip])
    #expect(!lines.all.contains { "\($0)".contains("SENTINEL") })
    #expect(!"\(verdict)".contains("SENTINEL"))
  }

  @Test func anOAuthConnectionUsesTheTokensItAlreadyHasWithoutAskingAgain() async throws {
    let bed = try TokenTestBed()
    let issued = await bed.client().requestToken(
      TokenRequest(
        clientID: "snowgate-demo", clientSecret: Secret(TokenTestBed.clientSecret), grant: .clientCredentials)
    )
    guard case .success(let tokens) = issued else {
      Issue.record("the simulator issued no token: \(issued)")
      return
    }
    let requestsBefore = bed.tokenRequests
    let summary = TokenSet(
      tokenType: "Bearer", scope: "", expiresAt: Date().addingTimeInterval(1800), obtainedAt: Date(),
      accessToken: tokens.accessToken)
    let draft = ConnectionDraft(
      instanceURL: bed.server.baseURL,
      auth: .oauthClientCredentials(
        client: OAuthClient(clientID: "snowgate-demo", clientSecret: Secret(TokenTestBed.clientSecret)),
        tokens: summary))
    let lines = Lines()
    let outcome = await LiveCheck.run(draft, environment: Self.environment(bed), progress: lines.post)
    guard case .passed(let report) = outcome else {
      Issue.record("expected a pass, got \(outcome)")
      return
    }
    // Who the token acts as comes from the instance, as Basic's "Signed in as" does.
    #expect(report.details.first == "Signed in as admin.")
    #expect(lines.final.first { $0.id == "api" }?.detail.hasSuffix(", signed in as admin") == true)
    #expect(bed.tokenRequests == requestsBefore)
    #expect(lines.final.first { $0.id == "token" }?.status == .pass)
    #expect(!lines.all.contains { "\($0)".contains(tokens.accessToken.reveal()) })
  }

  @Test func aStartedCheckBecomesARunningLine() {
    let update = LiveCheck.update(for: .started(.tcp))
    #expect(update == CheckLineUpdate(id: "tcp", title: "TCP", status: .running))
  }
}
