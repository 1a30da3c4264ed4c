/// "Prepare for live agent transfer", offered on the done screen: the checks of
/// `snowgate check NAME --for agent-transfer`, and its fixes after a yes.
public struct AgentTransferStep: Equatable, Sendable {
  /// The saved connection the checks read (and fix) as.
  public var profileName: String
  public var status: AgentTransferStatus
  /// "Make these changes?" is asked; only `y` makes them.
  public var isConfirming: Bool
  /// The fields of the screen, each opened by its key: what `check --for agent-transfer`
  /// takes as --webhook, --group and --member.
  public enum Field: Equatable, Sendable {
    case webhook, group, member
  }

  /// The group the guide names, checked unless another is typed.
  public static let defaultGroup = "Consumer Service Support"

  /// The bot's webhook the REST message should point at; empty reports where it points.
  public var webhook = TextInput()
  /// The agents' group whose roles and members are checked.
  public var group = TextInput(Self.defaultGroup)
  /// The user a fix adds to an empty group; empty proposes no member.
  public var member = TextInput()
  /// The field that has the keys (after `w`, `g` or `m`); Enter checks with it.
  public var editing: Field? = nil
  /// Why the edited field's text cannot be used, shown under it.
  public var fieldError: String? = nil

  /// The text of one of the fields.
  public subscript(field field: Field) -> TextInput {
    get {
      switch field {
      case .webhook: webhook
      case .group: group
      case .member: member
      }
    }
    set {
      switch field {
      case .webhook: webhook = newValue
      case .group: group = newValue
      case .member: member = newValue
      }
    }
  }

  /// The group to check: the typed name, or the guide's when the field was emptied.
  public var groupName: String {
    let typed = group.text.trimmingSpaces
    return typed.isEmpty ? Self.defaultGroup : typed
  }

  /// The member to propose, when one is typed.
  public var memberName: String? {
    let typed = member.text.trimmingSpaces
    return typed.isEmpty ? nil : typed
  }

  public init(profileName: String, status: AgentTransferStatus = .idle, isConfirming: Bool = false) {
    self.profileName = profileName
    self.status = status
    self.isConfirming = isConfirming
  }

  public var isRunning: Bool { status == .running }

  /// What F1 shows on the agent-transfer screen.
  static let help = [
    "The checks of snowgate check NAME --for agent-transfer, read as",
    "this connection (it needs admin rights on the instance): the",
    "plugins, the group Consumer Service Support with its roles and",
    "members, and the REST message VABot to Bot.",
    "",
    "f lists the changes the Table API can make (roles, a member,",
    "the endpoints) and makes them only after y. Plugins are never",
    "installed by snowgate: the line says where to click.",
    "w types your bot's webhook URL; the REST message is checked",
    "against it (and f can point the REST message there).",
    "g names another agents' group; m names a user f adds to a",
    "group that has no members.",
    "r runs the checks again; Esc goes back.",
  ]
}
