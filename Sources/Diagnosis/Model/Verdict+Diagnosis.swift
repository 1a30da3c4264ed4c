import Vocabulary

extension Verdict {
  /// The process exit status this verdict maps to (see `exitCode(for:)`).
  public var exitCode: Int32 { Diagnosis.exitCode(for: code) }

  /// Where a person can cure this verdict (the wizard's Enter on a failure).
  public var fixArea: FixArea { FixArea.area(for: code) }
}
