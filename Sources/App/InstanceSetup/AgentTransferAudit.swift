import Diagnosis
import Platform
import WizardCore

/// `check NAME --for agent-transfer`: what live-agent transfer from a bot needs on the instance
/// (the Kore.ai agent-transfer guide, steps 3 to 6), line by line, with the Table API changes
/// that would fix what can be fixed.
///
/// Tables and fields are the simulator's (Sources/Simulator/Instance/SimulatedTable.swift, with
/// their sources): sys_plugins (source, active) or the view v_plugin (id), sys_user_group,
/// sys_group_has_role (group, role), sys_user_grmember (group, user), awa_agent_presence (agent,
/// current_presence_state), sys_rest_message (name, rest_endpoint) and sys_rest_message_fn
/// (rest_message, function_name, rest_endpoint).
struct AgentTransferAudit: Sendable {
  /// The webhook the REST message should point at; nil reports where it points without judging.
  var webhook: String?
  var group: String = Self.defaultGroup
  /// The user `--fix` adds to an empty group; nil proposes no member.
  var member: String?
  /// How the remedies say to name another group or a member: the command's options or the
  /// wizard's keys.
  var keys: Keys = .commandLine

  enum Keys: Sendable {
    case commandLine, wizard

    var otherGroup: String {
      self == .commandLine ? "or give --group NAME" : "or press g to name your agents' group"
    }
    var fixWithMember: String {
      self == .commandLine ? "or run with --fix --member USER" : "or press m to name a user, then f"
    }
    var checkWebhook: String {
      self == .commandLine
        ? "give --webhook URL to check it against your bot's."
        : "press w to check it against your bot's webhook."
    }
    /// Where the webhook line sends a person; nil on the screen that has the field.
    var webhookRemedy: String? {
      self == .commandLine ? "snowgate check NAME --for agent-transfer --webhook URL" : nil
    }
    func fixAdding(_ member: String) -> String {
      self == .commandLine ? "or run with --fix to add \(member)" : "or press f to add \(member)"
    }
  }

  static let defaultGroup = AgentTransferStep.defaultGroup
  static let restMessage = "VABot to Bot"
  static let method = "postMessage"
  static let roles = ["awa_agent", "agent_workspace_user"]
  /// The plugins the guide names; the Omni-Experience Standard Feature Set's id is from SND
  /// (Virtual Agent IVR setup), as the simulator's comment says.
  static let plugins = [
    ("com.glide.awa", "Advanced Work Assignment"),
    ("com.sn_customerservice", "Customer Service Management"),
    ("com.glide.cs.chatbot", "Glide Virtual Agent"),
    ("sn_va_as_service", "Virtual Agent API"),
    ("sn_oe_sfs", "Omni-Experience Standard Feature Set"),
  ]

  func run(_ reader: inout SetupReader) async -> (lines: [SetupCheck], changes: [SetupChange]) {
    var lines = await pluginLines(&reader)
    var changes: [SetupChange] = []
    let (groupLines, groupChanges) = await groupLines(&reader)
    lines += groupLines
    changes += groupChanges
    let (restLines, restChanges) = await restLines(&reader)
    lines += restLines
    changes += restChanges
    return (lines, changes)
  }

  // MARK: Plugins

  private func pluginLines(_ reader: inout SetupReader) async -> [SetupCheck] {
    let ids = Self.plugins.map(\.0).joined(separator: ",")
    var found: [String: String] = [:]
    if let rows = await reader.read(
      "sys_plugins", query: "sourceIN" + ids, fields: ["source", "name", "active"],
      wouldTell: "which of the agent-transfer plugins are installed and active")
    {
      for row in rows { if let id = row["source"] { found[id] = row["active"] ?? "" } }
    } else if let rows = await reader.read(
      "v_plugin", query: "idIN" + ids, fields: ["id", "name", "active"],
      wouldTell: "which of the agent-transfer plugins are installed and active (the plugin view)")
    {
      for row in rows { if let id = row["id"] { found[id] = row["active"] ?? "" } }
    } else {
      return [
        SetupCheck(
          "plugins", .skip, "Plugins",
          "Not checked: the instance refused the reads of sys_plugins and v_plugin.")
      ]
    }
    return Self.plugins.map { id, name in
      switch found[id] {
      case "active"?, "true"?:
        return SetupCheck("plugin.\(id)", .pass, name, "\(id) is installed and active.")
      case let state?:
        return SetupCheck(
          "plugin.\(id)", .fail, name, "\(id) is installed but \(state.isEmpty ? "not active" : state).",
          remedy: SetupPaths.plugin(id, name))
      case nil:
        return SetupCheck(
          "plugin.\(id)", .fail, name, "\(id) is not installed.", remedy: SetupPaths.plugin(id, name))
      }
    }
  }

  // MARK: The agent group

  private func groupLines(_ reader: inout SetupReader) async -> ([SetupCheck], [SetupChange]) {
    guard let groupName = SetupReader.queryValue(group) else {
      return ([SetupCheck("group", .fail, "Agent group", "The group name cannot hold ^, = or commas.")], [])
    }
    guard
      let groups = await reader.read(
        "sys_user_group", query: "name=" + groupName, fields: ["sys_id", "name"],
        wouldTell: "whether the group “\(group)” exists")
    else {
      return (
        [SetupCheck("group", .skip, "Agent group", "Not checked: the read of sys_user_group was refused.")],
        []
      )
    }
    guard let groupID = groups.first?["sys_id"] else {
      return (
        [
          SetupCheck(
            "group", .fail, "Agent group", "No group is called “\(group)”.",
            remedy:
              "All > User Administration > Groups > New, name “\(group)”, Submit (\(keys.otherGroup)).")
        ], []
      )
    }
    var lines = [SetupCheck("group", .pass, "Agent group", "“\(group)” exists.")]
    var changes: [SetupChange] = []
    let place = SetupPaths.group(group)
    let held = await reader.read(
      "sys_group_has_role", query: "group=" + groupID, fields: ["role"], displayValues: true,
      wouldTell: "which roles the group has")
    for role in Self.roles {
      guard let held else {
        lines.append(SetupCheck("role.\(role)", .skip, "Role \(role)", "Not checked: the read was refused."))
        continue
      }
      if held.contains(where: { $0["role"] == role }) {
        lines.append(SetupCheck("role.\(role)", .pass, "Role \(role)", "The group has \(role)."))
        continue
      }
      lines.append(
        SetupCheck(
          "role.\(role)", .fail, "Role \(role)", "The group lacks \(role): its members cannot take chats.",
          remedy: "\(place) > Roles > Edit, add \(role), Save (or run with --fix)."))
      if let roleID = await reader.read(
        "sys_user_role", query: "name=" + role, fields: ["sys_id"],
        wouldTell: "the sys_id of the role \(role)")?
        .first?["sys_id"]
      {
        changes.append(
          SetupChange(
            table: "sys_group_has_role", sysID: nil, fields: ["group": groupID, "role": roleID],
            summary: "give the group “\(group)” the role \(role)"))
      }
    }
    let (memberLines, memberChanges) = await memberLines(&reader, groupID: groupID, place: place)
    return (lines + memberLines, changes + memberChanges)
  }

  private func memberLines(_ reader: inout SetupReader, groupID: String, place: String) async -> (
    [SetupCheck], [SetupChange]
  ) {
    guard
      let members = await reader.read(
        "sys_user_grmember", query: "group=" + groupID, fields: ["user"],
        wouldTell: "who is in the group")
    else {
      return (
        [SetupCheck("members", .skip, "Members", "Not checked: the read of sys_user_grmember was refused.")],
        []
      )
    }
    let memberIDs = members.compactMap { $0["user"] }.filter { !$0.isEmpty }
    guard !memberIDs.isEmpty else {
      var changes: [SetupChange] = []
      var remedy = "\(place) > Group Members > Edit, add the agents, Save"
      if let member, let name = SetupReader.queryValue(member),
        let userID = await reader.read(
          "sys_user", query: "user_name=" + name, fields: ["sys_id"], wouldTell: "the sys_id of \(member)")?
          .first?["sys_id"]
      {
        changes.append(
          SetupChange(
            table: "sys_user_grmember", sysID: nil, fields: ["group": groupID, "user": userID],
            summary: "add \(member) to the group “\(group)”"))
        remedy += " (\(keys.fixAdding(member)))."
      } else {
        remedy +=
          member == nil ? " (\(keys.fixWithMember))." : " (no user \(member ?? "") was found)."
      }
      return (
        [
          SetupCheck(
            "members", .fail, "Members", "“\(group)” has no members: no one would receive chats.",
            remedy: remedy)
        ], changes
      )
    }
    let names =
      await reader.read(
        "sys_user_grmember", query: "group=" + groupID, fields: ["user"], displayValues: true,
        wouldTell: "the members' user names")?.compactMap { $0["user"] } ?? memberIDs
    var lines = [
      SetupCheck(
        "members", .pass, "Members",
        "\(memberIDs.count) member(s): \(names.prefix(10).joined(separator: ", ")).")
    ]
    let presence = await reader.read(
      "awa_agent_presence", query: "agentIN" + memberIDs.prefix(100).joined(separator: ","),
      fields: ["agent", "current_presence_state"], displayValues: true,
      wouldTell: "which members are Available in Agent Workspace")
    guard let presence else {
      lines.append(
        SetupCheck("presence", .skip, "Presence", "Not checked: the read of awa_agent_presence was refused."))
      return (lines, [])
    }
    // The simulator (and a lenient instance) may ignore the IN condition: keep members only.
    let rows = presence.filter { row in row["agent"].map(names.contains) ?? false }
    let available = rows.filter { $0["current_presence_state"] == "Available" }.compactMap { $0["agent"] }
    if let first = available.first {
      lines.append(
        SetupCheck(
          "presence", .pass, "Presence",
          "\(first) would receive chats (Available)"
            + (available.count > 1 ? "; \(available.count) members are Available." : ".")))
    } else {
      let states = rows.compactMap { row in
        row["agent"].map { "\($0): \(row["current_presence_state"] ?? "?")" }
      }
      lines.append(
        SetupCheck(
          "presence", .warn, "Presence",
          "No member is Available, so a transferred chat would wait"
            + (states.isEmpty
              ? " (no member has signed in to Agent Workspace)." : " (\(states.joined(separator: ", ")))."),
          remedy:
            "An agent signs in to Agent Workspace (All > Service Operations Workspace or Agent Workspace) "
            + "and sets their presence to Available."))
    }
    return (lines, [])
  }

  // MARK: The REST message

  private func restLines(_ reader: inout SetupReader) async -> ([SetupCheck], [SetupChange]) {
    guard
      let messages = await reader.read(
        "sys_rest_message", query: "name=" + Self.restMessage, fields: ["sys_id", "name", "rest_endpoint"],
        wouldTell: "where the REST message “\(Self.restMessage)” points")
    else {
      return (
        [
          SetupCheck(
            "rest_message", .skip, "REST message", "Not checked: the read of sys_rest_message was refused.")
        ], []
      )
    }
    guard let message = messages.first, let messageID = message["sys_id"] else {
      return (
        [
          SetupCheck(
            "rest_message", .fail, "REST message", "There is no REST message “\(Self.restMessage)”.",
            remedy:
              "\(SetupPaths.restMessage) > New, name “\(Self.restMessage)”, Endpoint your bot's webhook, "
              + "and an HTTP method \(Self.method) (POST) with the same endpoint.")
        ], []
      )
    }
    var lines: [SetupCheck] = []
    var changes: [SetupChange] = []
    let (line, change) = endpointLine(
      "rest_message", "REST message", message["rest_endpoint"] ?? "", table: "sys_rest_message",
      sysID: messageID,
      place: "\(SetupPaths.restMessage) > “\(Self.restMessage)”, Endpoint")
    lines.append(line)
    changes += change.map { [$0] } ?? []
    let methods = await reader.read(
      "sys_rest_message_fn", query: "rest_message=\(messageID)^function_name=\(Self.method)",
      fields: ["sys_id", "function_name", "rest_endpoint"],
      wouldTell: "where its \(Self.method) method points")
    guard let methods else {
      lines.append(SetupCheck("rest_method", .skip, "\(Self.method)", "Not checked: the read was refused."))
      return (lines, changes)
    }
    guard let method = methods.first, let methodID = method["sys_id"] else {
      lines.append(
        SetupCheck(
          "rest_method", .fail, "\(Self.method)", "“\(Self.restMessage)” has no HTTP method \(Self.method).",
          remedy:
            "\(SetupPaths.restMessage) > “\(Self.restMessage)” > HTTP Methods > New, name \(Self.method), "
            + "HTTP method POST, Endpoint your bot's webhook."))
      return (lines, changes)
    }
    let (methodLine, methodChange) = endpointLine(
      "rest_method", Self.method, method["rest_endpoint"] ?? "", table: "sys_rest_message_fn",
      sysID: methodID,
      place: "\(SetupPaths.restMessage) > “\(Self.restMessage)” > HTTP Methods > \(Self.method), Endpoint")
    lines.append(methodLine)
    changes += methodChange.map { [$0] } ?? []
    return (lines, changes)
  }

  private func endpointLine(
    _ id: String, _ title: String, _ endpoint: String, table: String, sysID: String, place: String
  ) -> (SetupCheck, SetupChange?) {
    let shown = endpoint.isEmpty ? "no endpoint" : endpoint
    guard let webhook else {
      return (
        SetupCheck(
          id, .warn, title, "Points at \(shown); \(keys.checkWebhook)",
          remedy: keys.webhookRemedy), nil
      )
    }
    if endpoint == webhook {
      return (SetupCheck(id, .pass, title, "Points at \(webhook)."), nil)
    }
    return (
      SetupCheck(
        id, .fail, title, "Points at \(shown), not \(webhook).",
        remedy: "\(place): set it to \(webhook), Update (or run with --fix)."),
      SetupChange(
        table: table, sysID: sysID, fields: ["rest_endpoint": webhook],
        summary: "point \(title) at \(webhook) (now \(shown))")
    )
  }
}
