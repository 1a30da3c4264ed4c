import Platform
import ServiceNowClient

/// Reads the instance's setup tables as the admin, and keeps the reads it refused.
///
/// A 403 (no admin rights, an ACL) is not the end of the check: it becomes a `SetupRefusal`
/// saying what the read would have told, and the lines that needed it say "not checked".
/// Anything else that fails (the network, the sign-in) is `failure`, which ends the check.
struct SetupReader: Sendable {
  var access: AdminAccess
  private(set) var refusals: [SetupRefusal] = []
  /// The first failure that was not a refusal: the check cannot go on meaningfully.
  private(set) var failure: ServiceNowFailure?

  init(access: AdminAccess) {
    self.access = access
  }

  /// The records, or nil when the read failed (recorded as a refusal or the failure).
  mutating func read(
    _ table: String, query: String? = nil, fields: [String] = [], displayValues: Bool = false,
    wouldTell: String
  ) async -> [[String: String]]? {
    guard failure == nil else { return nil }
    switch await access.client.records(
      table, query: query, fields: fields, limit: 100, displayValues: displayValues, auth: access.credentials)
    {
    case .success(let read):
      return read.records
    case .failure(let problem):
      if Self.isRefusal(problem) {
        let said = problem.detail.map { " (\($0))" } ?? ""
        refusals.append(SetupRefusal(table: table, answer: problem.summary + said, wouldTell: wouldTell))
      } else {
        failure = problem
      }
      return nil
    }
  }

  /// Whether the instance answered but would not let this user read (a 403 of any kind).
  static func isRefusal(_ failure: ServiceNowFailure) -> Bool {
    failure.code.hasPrefix("api.") && failure.code != "api.bad_response" && failure.code != "api.rate_limited"
  }

  /// A `sysparm_query` value safe to put a name into: the operators `^`, `=` and `,` would
  /// change the query, so a value holding one is refused before anything is sent.
  static func queryValue(_ value: String) -> String? {
    guard !value.isEmpty, value.count <= 200,
      !value.contains(where: { "^=,\n\r".contains($0) || $0.isNewline })
    else { return nil }
    return value
  }
}
