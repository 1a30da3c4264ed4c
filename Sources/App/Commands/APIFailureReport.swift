import Diagnosis
import Platform
import ServiceNowClient
import Vocabulary

/// What `snowgate api --json` writes on stdout when the request fails, in place of the body.
///
/// A script that asked for JSON gets JSON whatever happens: the `diagnosis` object is the one
/// `check --json` reports for the same failure (code, summary, remedies), so one handler reads
/// both, and the exit status is that code's. It is one line so that it can follow the pages that
/// `--paginate` wrote before the failure: the last line of stdout is the verdict.
struct APIFailureReport: Equatable {
  /// The version of this shape (`schema_version`); it changes only when a key changes meaning.
  static let schemaVersion = 1

  /// The saved profile's name; nil for a connection from the environment or before one is known.
  var profile: String?
  /// The instance, once the connection is known.
  var instance: String?
  var auth: AuthKind?
  var method: String?
  /// The address of the request that failed (with `--paginate`, the page's).
  var url: String?
  /// The HTTP status of the answer; nil when none came (DNS, TLS, a timeout, a local mistake).
  var status: Int?
  var diagnosis: Verdict
  /// This occurrence's specifics (the instance's message, libcurl's reason), safe to show.
  var detail: String?

  init(diagnosis: Verdict) {
    self.diagnosis = diagnosis
  }

  /// The report of a failure the client classified, with its own wording.
  mutating func failed(_ failure: ServiceNowFailure, status: Int? = nil) {
    diagnosis = Verdict(code: failure.code, summary: failure.summary, remedies: failure.remedies)
    detail = failure.detail
    self.status = status
  }

  /// The report of a usage or configuration mistake, as `check --json` reports one.
  mutating func refused(_ error: UsageError) {
    diagnosis = Verdict(code: error.code, summary: error.message, remedies: error.hint.map { [$0] } ?? [])
    detail = nil
  }

  /// The exit status: the one `check` gives for the same code.
  var exitStatus: Int32 { Diagnosis.exitCode(for: diagnosis.code) }

  /// One line of JSON, keys sorted, every key present (`null` when there is no value).
  func render() -> String {
    let object: JSONValue = .object([
      ("schema_version", .number(Self.schemaVersion)), ("ok", .bool(false)), ("profile", JSONValue(profile)),
      ("instance", JSONValue(instance)), ("auth", JSONValue(auth?.word)), ("method", JSONValue(method)),
      ("url", JSONValue(url)), ("status", JSONValue(status)),
      (
        "diagnosis",
        .object([
          ("code", .string(diagnosis.code)), ("summary", .string(diagnosis.summary)),
          ("remedies", JSONValue(diagnosis.remedies)),
        ])
      ),
      ("detail", JSONValue(detail)),
    ])
    return object.serialized(sortedKeys: true, escapingSlashes: false)
  }
}
