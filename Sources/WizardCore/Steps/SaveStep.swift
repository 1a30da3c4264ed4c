import Vocabulary

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
  public var focus: SaveField
  public var store: SecretStoreKind
  /// The command of the command store, kept while another store is chosen.
  public var command: TextInput
  public var commandError: String?
  /// "Move the broken file aside?" after a `config.unreadable` failure.
  public var isMoveAsideOffered: Bool
  /// Where the broken file was moved, once it was.
  public var movedAsideTo: String?
  /// Whether the OS keyring answers here; asked for when the screen is first shown.
  public var keyring: KeyringStatus = .unknown
  /// The store was chosen by the person (↑ ↓) or kept from the profile being edited, so the
  /// keyring's answer no longer changes it.
  public var isStoreChosen: Bool = false
  /// "Keep the secrets in a plain file?" after Enter on the credentials file while no keyring
  /// is known to answer.
  public var isFileConsentAsked: Bool = false
  /// The person said yes to that question (or the profile being edited kept its secrets there).
  public var isFileAgreed: Bool = false

  public init(
    name: TextInput = TextInput(), isNameEdited: Bool = false, nameError: String? = nil,
    isSaving: Bool = false,
    failure: Verdict? = nil, isDespiteFailedTest: Bool = false, focus: SaveField = .name,
    store: SecretStoreKind = .file, command: TextInput = TextInput(), commandError: String? = nil,
    isMoveAsideOffered: Bool = false, movedAsideTo: String? = nil
  ) {
    self.name = name
    self.isNameEdited = isNameEdited
    self.nameError = nameError
    self.isSaving = isSaving
    self.failure = failure
    self.isDespiteFailedTest = isDespiteFailedTest
    self.focus = focus
    self.store = store
    self.command = command
    self.commandError = commandError
    self.isMoveAsideOffered = isMoveAsideOffered
    self.movedAsideTo = movedAsideTo
  }

  /// The chosen store with its command.
  public var secretStore: SecretStore {
    switch store {
    case .file: return .file
    case .command: return .command(command.text.split(separator: " ").map(String.init))
    case .environment: return .environment
    case .ask: return .ask
    case .keyring: return .keyring
    }
  }
}
