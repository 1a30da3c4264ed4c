import Foundation
import Testing
import Vocabulary

@testable import Diagnosis

@Suite struct CurlCommandsTests {
  let base = URL(string: "https://dev1.service-now.com")!

  @Test func basicHasProbeAndTestCallWithUserAndPasswordFromTheEnvironment() {
    let commands = CurlCommands.make(baseURL: base, auth: .basic)
    #expect(commands.count == 2)
    #expect(commands[0] == "curl -sS -i --max-time 10 'https://dev1.service-now.com/'")
    #expect(commands[1].contains("-u \"$SNOWGATE_USER:$SNOWGATE_PASSWORD\""))
    #expect(
      commands[1].contains(
        "'https://dev1.service-now.com/api/now/table/sys_user?sysparm_limit=1&sysparm_fields=sys_id,user_name'"
      ))
  }

  @Test func theAPIVersionOfTheAddressIsInTheTableCall() {
    let commands = CurlCommands.make(baseURL: base, auth: .basic, apiVersion: "v2")
    #expect(commands[1].contains("'https://dev1.service-now.com/api/now/v2/table/sys_user?"))
    #expect(!commands.joined().contains("/api/now/table/"))
  }

  @Test(arguments: [
    (
      AuthKind.oauthPassword,
      ["grant_type=password", "$SNOWGATE_CLIENT_SECRET", "password=$SNOWGATE_PASSWORD"]
    ),
    (.oauthRefreshToken, ["grant_type=refresh_token", "refresh_token=$SNOWGATE_REFRESH_TOKEN"]),
    (.oauthClientCredentials, ["grant_type=client_credentials", "client_secret=$SNOWGATE_CLIENT_SECRET"]),
  ])
  func oauthKindsHaveATokenCallAndABearerTestCall(auth: AuthKind, fields: [String]) {
    let commands = CurlCommands.make(baseURL: base, auth: auth, timeout: 2.5)
    #expect(commands.count == 3)
    #expect(commands[1].contains("'https://dev1.service-now.com/oauth_token.do'"))
    #expect(commands[1].contains("--max-time 3"))
    for field in fields { #expect(commands[1].contains(field), "\(field)") }
    #expect(commands[2].contains("-H \"Authorization: Bearer $SNOWGATE_ACCESS_TOKEN\""))
  }

  @Test func singleQuotesInAURLCannotBreakOutOfTheShellWord() {
    let commands = CurlCommands.make(baseURL: base, auth: .basic, probePath: "/a'b")
    #expect(commands[0].hasSuffix(" 'https://dev1.service-now.com/a'\\''b'"), "\(commands[0])")
  }
}
