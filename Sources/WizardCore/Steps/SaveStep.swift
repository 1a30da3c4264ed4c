/// The save screen's state.
public struct SaveStep: Equatable, Sendable {
  public var name: TextInput
  /// Once the person typed a name (or `setup NAME` gave one) it is no longer derived from the host.
  public var isNameEdited: Bool
  /// Why the name was refused, after Enter.
  public var nameError: String?
  public var isSaving: Bool
  /// Why the last save failed; everything typed is kept.
  public var failure: Verdict?
  /// The person chose "Save anyway" after a failed test.
  public var isDespiteFailedTest: Bool

  public init(
    name: TextInput = TextInput(), isNameEdited: Bool = false, nameError: String? = nil,
    isSaving: Bool = false,
    failure: Verdict? = nil, isDespiteFailedTest: Bool = false
  ) {
    self.name = name
    self.isNameEdited = isNameEdited
    self.nameError = nameError
    self.isSaving = isSaving
    self.failure = failure
    self.isDespiteFailedTest = isDespiteFailedTest
  }
}
