import Vocabulary

/// The instance address screen's state.
public struct InstanceStep: Equatable, Sendable {
  public var input: TextInput
  /// The normaliser's verdict on `input`, kept current on every edit so drawing costs nothing.
  public var normalised: Result<NormalisedInstance, InstanceURLError>
  /// Set when Enter was pressed on an invalid address; cleared by the next edit.
  public var error: InstanceURLError?
  public var probe: ProbeStatus

  public init(text: String = "") {
    self.input = TextInput(text)
    self.normalised = InstanceURL.normalise(text)
    self.error = nil
    self.probe = .idle
  }
}
