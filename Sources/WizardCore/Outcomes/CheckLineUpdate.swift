/// One live change of a connection-test check: it is pending, started, or finished.
///
/// The runtime sends these while the layered checks of `snowgate check` run, so the test screen
/// can turn each line from a spinner into ✓ ! ✗ – as it ends. WizardCore knows nothing of the
/// diagnosis itself; `id` only ties later updates to the same line.
public struct CheckLineUpdate: Equatable, Sendable {
  /// Stable per check, e.g. `dns`, `auth`; an update with a known id replaces that line.
  public var id: String
  /// The line's name, e.g. "DNS".
  public var title: String
  public var status: CheckLineModel.Status
  /// What was seen ("2 addresses: …"), or why it failed.
  public var detail: String
  /// What to do, shown under a failed or warning line.
  public var remedy: String?
  public var elapsedMilliseconds: Int?
  /// The stable failure or warning code, e.g. `tcp.refused`.
  public var code: String?

  public init(
    id: String, title: String, status: CheckLineModel.Status, detail: String = "", remedy: String? = nil,
    elapsedMilliseconds: Int? = nil, code: String? = nil
  ) {
    self.id = id
    self.title = title
    self.status = status
    self.detail = detail
    self.remedy = remedy
    self.elapsedMilliseconds = elapsedMilliseconds
    self.code = code
  }

  /// The line as the screen draws it.
  public var lineModel: CheckLineModel {
    CheckLineModel(
      status: status, title: title, detail: detail, remedy: remedy, elapsedMilliseconds: elapsedMilliseconds)
  }
}
