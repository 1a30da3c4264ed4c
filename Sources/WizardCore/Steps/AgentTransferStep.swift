/// "Prepare for live agent transfer", offered on the done screen: the checks of
/// `snowgate check NAME --for agent-transfer`, and its fixes after a yes.
public struct AgentTransferStep: Equatable, Sendable {
  /// The saved connection the checks read (and fix) as.
  public var profileName: String
  public var status: AgentTransferStatus
  /// "Make these changes?" is asked; only `y` makes them.
  public var isConfirming: Bool
  /// The bot's webhook the REST message should point at; empty reports where it points.
  public var webhook = TextInput()
  /// The webhook field has the keys (after `w`); Enter checks with it.
  public var isEditingWebhook = false
  /// Why the typed webhook cannot be used, shown under the field.
  public var webhookError: String? = nil

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
    "r runs the checks again; Esc goes back.",
  ]
}
