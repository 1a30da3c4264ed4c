import Foundation
import Testing
import Vocabulary
import WizardCore

@testable import TerminalUI

/// The picture book of the API key and JWT bearer screens, at 80×24 and as plain lines.
///
/// Reached, like the other goldens, by the keys a person presses and the events the runtime
/// posts. Every secret typed is a sentinel containing `S3CR3T`; no golden may show one.
@Suite struct SignInKindGoldenTests {
  typealias Wizard = WizardScreenGoldenTests.Wizard

  static let apiKey = "S3CR3T-golden-apikey"
  static let clientSecret = OAuthScreenGoldenTests.clientSecret
  static let keyFile = "~/.snowgate/jwt.pem"

  static func lines(_ wizard: Wizard) -> String {
    wizard.frame().lines().joined(separator: "\n")
  }

  /// The first screen after the auth-type screen for `kind`.
  static func after(_ kind: AuthKind) -> Wizard {
    OAuthScreenGoldenTests.atClient(kind)
  }

  /// The API key screen with the key pasted.
  static func filledAPIKey() -> Wizard {
    var wizard = after(.apiKey)
    wizard.send(.key(.paste(Secret(apiKey))))
    return wizard
  }

  /// The JWT bearer client screen with every field typed.
  static func filledJWT() -> Wizard {
    var wizard = after(.jwtBearer)
    wizard.type("client-1")
    wizard.press(.tab)
    wizard.type(clientSecret)
    wizard.press(.tab)
    wizard.type(keyFile)
    wizard.press(.tab)
    wizard.type("snowgate-kid")
    wizard.press(.tab)
    wizard.type("integration.user")
    return wizard
  }

  @Test func theAuthTypeScreenOffersBothKinds() {
    var wizard = WizardScreenGoldenTests.atInstance()
    wizard.press(.enter)
    wizard.send(.probeFinished(.reachable))
    wizard.press(.enter)
    let model = screenModel(for: wizard.state)
    for kind in [AuthKind.apiKey, .jwtBearer] {
      #expect(
        model.items.contains(
          .choice(ChoiceModel(label: kind.title, detail: kind.explanation, isEnabled: true))),
        "\(kind) is not offered")
    }
    wizard.press(.down, times: AuthKind.allCases.firstIndex(of: .apiKey) ?? 0)
    assertScreen(wizard.shot(), named: "03-auth-type--api-key")
  }

  @Test func theAPIKeyScreenMasksTheKey() {
    let empty = Self.after(.apiKey)
    #expect(screenModel(for: empty.state).id == "credentials-apiKey")
    assertScreen(empty.shot(), named: "13-api-key--empty")

    let filled = Self.filledAPIKey()
    #expect(Self.lines(filled).contains(String(repeating: "•", count: 8)))
    #expect(!Self.lines(filled).contains("S3CR3T"))
    assertScreen(filled.shot(), named: "13-api-key")

    var missing = empty
    missing.press(.enter)
    #expect(missing.state.screen == .credentials)
    #expect(missing.state.credentials.apiKeyError?.contains("Paste the API key") == true)
    assertScreen(missing.shot(), named: "13-api-key--missing")

    var help = filled
    help.press(.help)
    let text = Self.lines(help)
    #expect(text.contains("REST API Key") && text.contains("x-sn-apikey") && text.contains("Access Polic"))
    assertScreen(help.shot(), named: "13-api-key--help")

    var test = filled
    test.press(.enter)
    #expect(test.state.screen == .test)
    var refused = test
    refused.press(.enter)
    refused.send(
      .testFinished(
        .failed(
          Verdict(
            code: "auth.api_key_rejected", summary: "The instance refused the API key (401).",
            remedies: ["Check the key on its REST API Key record (active, not expired)."]))))
    let refusedText = Self.lines(refused)
    #expect(refusedText.contains("Sign-in   REST API key") && refusedText.contains("Change the API key"))
    #expect(!refusedText.contains("S3CR3T"))
    assertScreen(refused.shot(), named: "13-api-key--test-refused")
    test.press(.help)
    let testHelp = Self.lines(test)
    #expect(testHelp.contains("x-sn-apikey") && testHelp.contains("REST API access"))
    assertScreen(test.shot(), named: "13-api-key--test-help")
  }

  @Test func theJWTClientScreenAsksForTheKeyTheKidAndTheSubject() {
    let filled = Self.filledJWT()
    #expect(screenModel(for: filled.state).id == "oauth-client-jwtBearer")
    #expect(!Self.lines(filled).contains("S3CR3T"))
    assertScreen(filled.shot(), named: "14-jwt-client")

    var empty = Self.after(.jwtBearer)
    empty.press(.enter)
    #expect(empty.state.screen == .oauthClient)
    #expect(empty.state.oauthClient.errors[.jwtKeyFile]?.contains("private key file") == true)
    #expect(empty.state.oauthClient.errors[.jwtKeyID]?.contains("Key ID (kid)") == true)
    #expect(empty.state.oauthClient.errors[.username]?.contains("sub claim") == true)
    assertScreen(empty.shot(), named: "14-jwt-client--missing")

    var help = filled
    help.press(.help)
    let text = Self.lines(help)
    #expect(text.contains("Jwt Verifier Maps") && text.contains("kid") && text.contains("sub"))
    assertScreen(help.shot(), named: "14-jwt-client--help")
  }

  @Test func theJWTTokenScreenSaysWhatIsSignedAndSent() {
    var wizard = Self.filledJWT()
    wizard.press(.enter)
    #expect(wizard.state.screen == .token)
    assertScreen(wizard.shot(), named: "15-jwt-token--ready")

    wizard.press(.enter)
    #expect(
      wizard.effects == [
        .requestJWTToken(
          JWTTokenRequestDraft(
            instanceURL: URL(string: "https://dev12345.service-now.com")!, clientID: "client-1",
            clientSecret: Secret(Self.clientSecret), subject: "integration.user", keyFile: Self.keyFile,
            keyID: "snowgate-kid"))
      ])
    var received = wizard
    var tokens = OAuthScreenGoldenTests.tokens
    tokens.refreshToken = nil
    received.send(.tokenFinished(.received(tokens)))
    received.send(.tick(.seconds(50)))
    received.send(.tick(.seconds(111)))
    #expect(Self.lines(received).contains("never for JWT bearer"))
    #expect(!Self.lines(received).contains("S3CR3T"))
    assertScreen(received.shot(), named: "15-jwt-token--received")

    var unreadable = wizard
    let verdict = Verdict(
      code: "jwt.key_unreadable",
      summary: "The JWT signing key /home/me/.snowgate/jwt.pem cannot be read: no such file.",
      remedies: [
        "Check the path given with --jwt-key, and that this user may read the file (chmod 600 FILE)."
      ])
    unreadable.send(.tokenFinished(.failed(verdict)))
    assertScreen(unreadable.shot(), named: "15-jwt-token--key-unreadable")
    unreadable.press(.enter)  // Fix the client
    #expect(unreadable.state.screen == .oauthClient)
    #expect(unreadable.state.oauthClient.focus == .jwtKeyFile)
    #expect(unreadable.state.oauthClient.errors[.jwtKeyFile] == verdict.summary)
    assertScreen(unreadable.shot(), named: "14-jwt-client--key-unreadable")
  }
}
