import Foundation
import Platform
import ServiceNowClient
import TestSupport
import Vocabulary
import XCTest

/// The curl commands of a support bundle repeat the exchange and hold no secret.
final class CurlCommandTests: XCTestCase {
  private func loggedTokenRequest(to instance: URL, transport: any Transport) async -> RequestLog {
    let log = RequestLog()
    let client = ServiceNowClient(
      instance: instance, transport: transport, log: log, deadline: .seconds(5), proxy: ProxyEnvironment([:]))
    _ = await client.requestToken(
      TokenRequest(
        clientID: "my id", clientSecret: Secret("cs-S3CR3T-SENTINEL"),
        grant: .password(username: "admin", password: Secret("p&w=S3CR3T-SENTINEL"))))
    _ = await client.readTable("sys_user", fields: ["sys_id"], auth: Fixtures.basic)
    _ = await client.readTable("sys_user", fields: ["sys_id"], auth: Fixtures.bearer)
    return log
  }

  func testCommandsReferToVariablesInsteadOfSecrets() async throws {
    let transport = ScriptedTransport()
    transport.expect("POST", "/oauth_token.do", respond: Fixtures.tokens)
    transport.expect("GET", Fixtures.usersPath, respond: Fixtures.oneUser)
    transport.expect("GET", Fixtures.usersPath, respond: Fixtures.oneUser)
    let log = await loggedTokenRequest(to: Fixtures.instance, transport: transport)
    let commands = log.entries.map(\.curlCommand)
    XCTAssertEqual(commands.count, 3)
    XCTAssertFalse(commands.joined().contains("S3CR3T"), commands.joined(separator: "\n"))
    XCTAssertEqual(
      commands[0],
      "curl -sS -i -X POST 'https://dev1.service-now.com/oauth_token.do' -H 'Accept: application/json' "
        + "-H 'User-Agent: snowgate' --data-urlencode 'grant_type=password' --data-urlencode 'username=admin' "
        + #"--data-urlencode "password=$SNOWGATE_PASSWORD" --data-urlencode 'client_id=my id' "#
        + #"--data-urlencode "client_secret=$SNOWGATE_CLIENT_SECRET""#)
    XCTAssertTrue(commands[1].contains(#"-u "$SNOWGATE_USERNAME:$SNOWGATE_PASSWORD""#), commands[1])
    XCTAssertTrue(commands[2].contains(#"-H "Authorization: Bearer $SNOWGATE_ACCESS_TOKEN""#), commands[2])
  }

  func testCommandRunInAShellSendsTheSameFormAsTheClient() async throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { throw XCTSkip("no curl") }
    let answer =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
    let server = try LoopbackServer(.respond(raw: answer, delay: 0))
    defer { server.stop() }
    let transport = ScriptedTransport()
    transport.expect("POST", "/oauth_token.do", respond: Fixtures.tokens)
    transport.expect("GET", Fixtures.usersPath, respond: Fixtures.oneUser)
    transport.expect("GET", Fixtures.usersPath, respond: Fixtures.oneUser)
    let log = await loggedTokenRequest(to: server.url, transport: transport)
    let command = try XCTUnwrap(log.entries.first?.curlCommand)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command + " > /dev/null"]
    process.environment = [
      "SNOWGATE_PASSWORD": "p&w=S3CR3T-SENTINEL", "SNOWGATE_CLIENT_SECRET": "cs-S3CR3T-SENTINEL",
      "PATH": "/usr/bin:/bin",
    ]
    try process.run()
    for _ in 0..<500 where process.isRunning {
      try await Task.sleep(for: .milliseconds(10))
    }
    XCTAssertEqual(process.terminationStatus, 0)
    let received = server.received.joined()
    XCTAssertTrue(received.hasPrefix("POST /oauth_token.do HTTP/1.1"), received)
    // curl writes a space as "+", snowgate as "%20": compare the decoded fields, which must be equal.
    let body = try XCTUnwrap(received.components(separatedBy: "\r\n\r\n").last)
    let fields = FormEncoding.decode(body).map { "\($0.name)=\($0.value)" }
    XCTAssertEqual(
      fields,
      [
        "grant_type=password", "username=admin", "password=p&w=S3CR3T-SENTINEL", "client_id=my id",
        "client_secret=cs-S3CR3T-SENTINEL",
      ])
  }

  /// A masked query value becomes a variable reference, and nothing else of the URL is open to
  /// the shell: a `$(…)` in it stays text (it ran when the URL was double-quoted whole).
  func testAMaskedURLKeepsTheRestOfItsTextOutOfTheShell() throws {
    let url = "https://x.example/api?sysparm_query=$(echo INJECTED)&access_token=\(Secret.mask)&b=`id`"
    let entry = RequestLogEntry(
      startedAt: Date(), method: "GET", url: url, requestHeaders: [:], requestBody: nil, status: nil,
      responseHeaders: [:], responseBody: nil, failureCode: nil, failureDetail: nil, elapsedMilliseconds: 0)
    let command = CurlCommand.render(entry)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "set -- " + command + "; printf '%s' \"$4\""]
    process.environment = ["SNOWGATE_ACCESS_TOKEN": "the-token", "PATH": "/usr/bin:/bin"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let word = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(
      word, "https://x.example/api?sysparm_query=$(echo INJECTED)&access_token=the-token&b=`id`", command)
  }
}
