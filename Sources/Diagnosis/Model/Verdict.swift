/// The one diagnosis of a run: a stable code, a sentence for a person, and what to do.
///
/// Called `Verdict` in Swift (it is the `diagnosis` object in the JSON) because a type named
/// like its module, `Diagnosis`, would shadow the module and break `Diagnosis.X` qualification.
public struct Verdict: Sendable, Equatable, Codable {
  public var code: String
  public var summary: String
  public var remedies: [String]

  public init(code: String, summary: String, remedies: [String] = []) {
    self.code = code
    self.summary = summary
    self.remedies = remedies
  }

  /// The process exit status this verdict maps to (see `exitCode(for:)`).
  public var exitCode: Int32 { Diagnosis.exitCode(for: code) }

  /// Where a person can cure this verdict (the wizard's Enter on a failure).
  public var fixArea: FixArea { FixArea.area(for: code) }
}
