import Foundation
import ServiceNowClient
import Simulator
import SystemCommands
import Testing
import Vocabulary

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The client's JWT bearer request and revocation request against the simulator, over real HTTP.
@Suite struct JWTBearerSimulatorTests {
  let environment = ["PATH": "/usr/bin:/bin"]

  private func post(_ request: TransportRequest) async throws -> (Int, [String: Any]) {
    let response = try await CurlTransport.shared.send(request, deadline: .seconds(10))
    let json = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
    return (response.status, json)
  }

  @Test func anAssertionSignedByTheClientIsAcceptedByTheSimulator() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jwt-sim-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let key = folder + "/key.pem"
    let made = try await SystemCommand(
      ["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key],
      environment: environment
    ).output()
    try #require(made.succeeded)

    var configuration = SimulatorConfiguration.demo
    configuration.jwtVerifiers = [
      SimulatedJWTVerifier(
        clientID: "snowgate-demo", keyID: "snowgate-kid",
        publicKeyPEM: try await JWTSigningKey.publicKeyPEM(key, environment: environment))
    ]
    let server = SimulatorServer(configuration: configuration)
    _ = try server.start()
    defer { server.stop() }

    let assertion = try await JWTAssertion(
      clientID: "snowgate-demo", subject: "beth.anglin", keyID: "snowgate-kid"
    )
    .signed(keyFile: key, environment: environment)
    let request = TokenRequest.jwtBearerURLRequest(
      instance: server.baseURL, clientID: "snowgate-demo", clientSecret: Secret("demo-secret"),
      assertion: assertion)
    let (status, json) = try await post(request)
    #expect(status == 200)
    #expect(json["access_token"] is String)
    #expect(json["refresh_token"] == nil)

    let stale = try await JWTAssertion(
      clientID: "snowgate-demo", subject: "beth.anglin", keyID: "snowgate-kid",
      issuedAt: Date().addingTimeInterval(-600)
    ).signed(keyFile: key, environment: environment)
    let (staleStatus, staleJSON) = try await post(
      TokenRequest.jwtBearerURLRequest(
        instance: server.baseURL, clientID: "snowgate-demo", clientSecret: Secret("demo-secret"),
        assertion: stale))
    #expect(staleStatus == 401)
    #expect(staleJSON["error_description"] as? String == "access_denied")
  }

  @Test func theDocumentedRevocationEndsARefreshToken() async throws {
    let server = SimulatorServer(configuration: .demo)
    _ = try server.start()
    defer { server.stop() }
    let password = TokenRequest(
      clientID: "snowgate-demo", clientSecret: Secret("demo-secret"),
      grant: .password(username: "admin", password: Secret("admin")))
    let (status, json) = try await post(password.urlRequest(instance: server.baseURL))
    try #require(status == 200)
    let refreshToken = Secret(try #require(json["refresh_token"] as? String))

    let (revoked, _) = try await post(
      TokenRevocation.urlRequest(instance: server.baseURL, token: refreshToken))
    #expect(revoked == 200)
    let refresh = TokenRequest(
      clientID: "snowgate-demo", clientSecret: Secret("demo-secret"), grant: .refreshToken(refreshToken))
    let (after, answer) = try await post(refresh.urlRequest(instance: server.baseURL))
    #expect(after == 401)
    #expect(answer["error_description"] as? String == "access_denied")
  }
}
