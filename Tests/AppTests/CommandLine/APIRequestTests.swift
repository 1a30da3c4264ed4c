import Foundation
import ServiceNowClient
import Testing

@testable import App

/// `snowgate api`'s arguments: bodies, headers and methods checked before anything is sent.
@Suite struct APIRequestTests {
  func request(_ arguments: [String], input: Data = Data()) throws(UsageError) -> APIRequest {
    let parsed = try ParsedArguments.parse(arguments, spec: CommandTable.command("api")!)
    return try APIRequest.parse(parsed, readInput: { _ in input })
  }

  @Test func fieldsMakeAJSONBodyAndAPost() throws {
    let made = try request(["table/incident", "-f", "short_description=Printer on fire", "-f", "urgency=1"])
    #expect(made.method == "POST")
    let object = try JSONSerialization.jsonObject(with: made.body ?? Data()) as? [String: String]
    #expect(object == ["short_description": "Printer on fire", "urgency": "1"])
    #expect(try request(["table/incident"]).method == "GET")
    #expect(
      try request(["table/incident", "-X", "patch", "--input", "f"], input: Data("{}".utf8)).method == "PATCH"
    )
  }

  @Test func badCallsAreUsageErrors() {
    #expect(throws: UsageError.self) { try request([]) }
    #expect(throws: UsageError.self) { try request(["a", "b"]) }
    #expect(throws: UsageError.self) { try request(["x", "-f", "novalue"]) }
    #expect(throws: UsageError.self) { try request(["x", "-f", "a=1", "--input", "f"]) }
    #expect(throws: UsageError.self) { try request(["x", "-H", "Authorization: Bearer stolen"]) }
    #expect(throws: UsageError.self) { try request(["x", "-H", "nocolon"]) }
    #expect(throws: UsageError.self) { try request(["x", "-X", "GE T"]) }
    #expect(throws: UsageError.self) { try request(["x", "--timeout", "0"]) }
  }

  @Test func nextLinkIsReadFromTheLinkHeader() {
    let header =
      "<https://i.example/api/now/table/x?sysparm_offset=0>;rel=\"first\",<https://i.example/api/now/table/x?sysparm_offset=2>;rel=\"next\""
    #expect(
      APICommand.nextLink(.json(200, "{}", headers: ["Link": header]))
        == "https://i.example/api/now/table/x?sysparm_offset=2")
    #expect(APICommand.nextLink(.json(200, "{}")) == nil)
  }

  @Test func envValuesAreQuotedForSh() {
    #expect(EnvCommand.quoted("it's") == "'it'\\''s'")
    #expect(EnvCommand.quoted("$(rm -rf /)") == "'$(rm -rf /)'")
    #expect(EnvCommand.quoted("a\nb") == "'ab'")
    // A quote with a combining mark after it (one Character) is escaped too: a token from the
    // instance is printed for `eval`.
    #expect(EnvCommand.quoted("a'\u{301}; x") == "'a'\\''\u{301}; x'")
  }
}
