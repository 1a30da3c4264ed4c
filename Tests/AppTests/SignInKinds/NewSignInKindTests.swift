import Diagnosis
import Foundation
import Profiles
import ServiceNowClient
import Simulator
import Vocabulary
import XCTest

@testable import App

/// The JWT bearer grant and API keys against the simulator, through the token service every
/// command uses: the success path and each typical failure with its verdict code and remedy.
final class NewSignInKindTests: XCTestCase {
  static let apiKey = "S3CR3T-apikey-SENTINEL-42"
  static let keyID = "kid-snowgate-test"

  private var folder: URL!
  private var key: TestKeyPair!
  private var otherKey: TestKeyPair!

  override func setUp() async throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-kinds-\(UUID().uuidString)")
    key = try TestKeyPair.make(in: folder, name: "signing")
    otherKey = try TestKeyPair.make(in: folder, name: "other")
  }

  override func tearDown() async throws {
    try? FileManager.default.removeItem(at: folder)
  }

  private func bed(scenarios: Set<Scenario> = [], lifespan: Int = 1800) throws -> TokenTestBed {
    try TokenTestBed(
      scenarios: scenarios, accessTokenLifespan: lifespan,
      jwtVerifiers: [
        SimulatedJWTVerifier(clientID: "snowgate-demo", keyID: Self.keyID, publicKeyPEM: key.publicKeyPEM)
      ],
      apiKeys: [SimulatedAPIKey(key: Self.apiKey, userName: "admin")])
  }

  private func jwtProfile(_ bed: TokenTestBed, keyFile: String? = nil, keyID: String = keyID) throws
    -> Profile
  {
    let profile = Profile(
      name: "jwt", instanceURL: bed.server.baseURL, authType: .jwtBearer, clientID: "snowgate-demo",
      username: "admin", jwtKeyFile: keyFile ?? key.privateKeyFile, jwtKeyID: keyID, secretStore: .file)
    return try bed.store.save(
      profile: profile, secrets: StoredCredentials(clientSecret: Secret(TokenTestBed.clientSecret)))
  }

  private func environment() -> [String: String] {
    ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
  }

  private func assertNoSentinel(_ texts: String..., file: StaticString = #filePath, line: UInt = #line) {
    for text in texts {
      XCTAssertFalse(text.contains("S3CR3T"), "a secret shows: \(text)", file: file, line: line)
    }
  }

  // MARK: JWT bearer

  func testJWTBearerGetsATokenAndANewAssertionWhenItExpires() async throws {
    let bed = try bed(lifespan: 120)
    let profile = try jwtProfile(bed)
    let service = bed.service(environment: environment())
    let first = try await service.accessToken(for: profile).get()
    XCTAssertEqual(first.origin, .granted(TokenRequest.jwtBearerGrantType))
    let accepted = await bed.tableAccepts(first.accessToken.reveal())
    XCTAssertTrue(accepted)
    let stored = try bed.store.storedCredentials(for: "jwt")
    XCTAssertNil(stored?.refreshToken, "the JWT bearer grant issues no refresh token")
    XCTAssertEqual(stored?.accessToken, first.accessToken)

    bed.advance(by: 100)  // within the 60 s margin of expiry
    let second = try await service.accessToken(for: profile).get()
    XCTAssertNotEqual(second.accessToken, first.accessToken)
    XCTAssertEqual(second.origin, .granted(TokenRequest.jwtBearerGrantType))
    let grants = bed.log.entries.filter { $0.url.contains("/oauth_token.do") }
    XCTAssertEqual(grants.count, 2)
    let rendered = bed.log.render()
    XCTAssertFalse(rendered.contains("grant_type=refresh_token"), rendered)
    XCTAssertTrue(rendered.contains("assertion=" + Secret.mask), rendered)
    XCTAssertFalse(rendered.contains("eyJ"), "an assertion reached the log: \(rendered)")
    assertNoSentinel(rendered)
  }

  private func assertJWTRejected(
    _ result: Result<FreshToken, ServiceNowFailure>, file: StaticString = #filePath, line: UInt = #line
  ) {
    guard case .failure(let failure) = result else {
      return XCTFail("the grant was accepted", file: file, line: line)
    }
    XCTAssertEqual(failure.code, "oauth.jwt_rejected", file: file, line: line)
    XCTAssertEqual(Diagnosis.exitCode(for: failure.code), 3, file: file, line: line)
    XCTAssertTrue(
      failure.remedies.contains { $0.contains("JWT verifier map") }, "\(failure.remedies)", file: file,
      line: line)
  }

  func testAWrongSignatureIsRefusedWithTheVerifierRemedy() async throws {
    let bed = try bed()
    let profile = try jwtProfile(bed, keyFile: otherKey.privateKeyFile)
    assertJWTRejected(await bed.service(environment: environment()).accessToken(for: profile))
  }

  func testAnUnknownKeyIDIsRefused() async throws {
    let bed = try bed()
    let profile = try jwtProfile(bed, keyID: "no-such-kid")
    let result = await bed.service(environment: environment()).accessToken(for: profile)
    assertJWTRejected(result)
    if case .failure(let failure) = result {
      XCTAssertTrue(failure.remedies[0].contains("Key ID"), failure.remedies[0])
    }
  }

  func testAnExpiredAssertionIsRefused() async throws {
    let bed = try bed()
    let profile = try jwtProfile(bed)
    bed.advance(by: -3600)  // this computer's clock an hour behind: the assertion is long expired
    let result = await bed.service(environment: environment()).accessToken(for: profile)
    assertJWTRejected(result)
    if case .failure(let failure) = result {
      XCTAssertTrue(failure.remedies.contains { $0.contains("clock") }, "\(failure.remedies)")
    }
  }

  func testAMissingKeyFileIsAConfigurationProblemBeforeAnythingIsSent() async throws {
    let bed = try bed()
    let profile = try jwtProfile(bed, keyFile: folder.appendingPathComponent("absent.pem").path)
    let result = await bed.service(environment: environment()).accessToken(for: profile)
    guard case .failure(let failure) = result else { return XCTFail("signed without a key") }
    XCTAssertEqual(failure.code, "jwt.key_unreadable")
    XCTAssertEqual(Diagnosis.exitCode(for: failure.code), 2)
    XCTAssertTrue(failure.remedies[0].contains("--jwt-key"), failure.remedies[0])
    XCTAssertEqual(bed.tokenRequests, 0)
  }

  // MARK: API key

  private func apiKeyProfile(_ bed: TokenTestBed, key: String) throws -> Profile {
    let profile = Profile(name: "key", instanceURL: bed.server.baseURL, authType: .apiKey, secretStore: .file)
    return try bed.store.save(profile: profile, secrets: StoredCredentials(apiKey: Secret(key)))
  }

  func testAnAPIKeyProfileGivesItsHeaderAndNamesItsUser() async throws {
    let bed = try bed()
    let profile = try apiKeyProfile(bed, key: Self.apiKey)
    let service = bed.service()
    let (credentials, token) = try await service.credentials(for: profile).get()
    XCTAssertNil(token)
    XCTAssertEqual(credentials.headerLine, "x-sn-apikey: \(Self.apiKey)")
    let user = try await bed.client().currentUser(auth: credentials).get()
    XCTAssertEqual(user.userName, "admin")
    // A plain token request has no token to give and says how to get the header.
    guard case .failure(let failure) = await service.accessToken(for: profile) else {
      return XCTFail("an API key was printed as a token")
    }
    XCTAssertEqual(failure.code, "profile.api_key_has_no_token")
    XCTAssertTrue(failure.remedies[0].contains("--header"), failure.remedies[0])
    assertNoSentinel(bed.log.render(), failure.summary)
  }

  func testAWrongAPIKeyAndAPolicyWithoutTokenAuthAreRefusedWithTheKeyRemedy() async throws {
    let cases: [(Set<Scenario>, String)] = [([], "S3CR3T-wrong-key"), ([.apiKeyNoPolicy], Self.apiKey)]
    for (scenarios, key) in cases {
      let bed = try bed(scenarios: scenarios)
      let result = await bed.client().readTable(
        "sys_user", fields: ["sys_id"], auth: Credentials.apiKey(Secret(key)))
      guard case .failure(let failure) = result else { return XCTFail("the key was accepted (\(scenarios))") }
      XCTAssertEqual(failure.code, "auth.api_key_rejected")
      XCTAssertEqual(Diagnosis.exitCode(for: failure.code), 3)
      XCTAssertTrue(failure.remedies.contains { $0.contains("access policy") }, "\(failure.remedies)")
      assertNoSentinel(bed.log.render())
    }
  }

  // MARK: Who is signed in

  func testTheCurrentUserIsTheOneTheTokenBelongsTo() async throws {
    let bed = try bed()
    let profile = try jwtProfile(bed)
    let token = try await bed.service(environment: environment()).accessToken(for: profile).get()
    let user = try await bed.client().currentUser(auth: .bearer(token.accessToken)).get()
    XCTAssertEqual(user.userName, "admin")
    let request = try XCTUnwrap(bed.log.entries.last?.url)
    XCTAssertTrue(request.contains("gs.getUserName"), request)
  }
}
