import Hashing
import Platform

/// One table of the simulated instance: its columns in order and its rows of string values.
///
/// The Table API returns every value as a string, so rows are plain string dictionaries; a
/// reference field stores the sys_id of a row of `references[field]` and is rendered as the
/// instance renders references (`{"link":…,"value":…}`, or the display value).
struct SimulatedTable: Sendable, Equatable {
  var name: String
  var label: String
  var fields: [String]
  var rows: [[String: String]]
  /// Reference fields and the table each points at.
  var references: [String: String] = [:]
  /// The field a reference to this table displays (`name` for most tables).
  var displayField: String = "name"
  /// Only users with the `admin` role may read or write it (issue 14's tables).
  var adminOnly = false
  /// A database view (awa_agent_presence_capacity): readable, never writable.
  var readOnly = false

  static let created = "2024-01-15 09:30:00"

  static func sysID(_ seed: String) -> String { String(SHA256.hex(seed).prefix(32)) }

  /// The names of the tables derived from the configuration (users and OAuth clients).
  static let configured = ["sys_user", "oauth_entity"]

  /// The table derived from the configuration called `name`, or nil.
  static func configured(_ name: String, configuration: SimulatorConfiguration) -> SimulatedTable? {
    switch name {
    case "sys_user": return users(configuration)
    case "oauth_entity": return oauthEntities(configuration)
    default: return nil
    }
  }

  // MARK: configured tables

  private static func users(_ configuration: SimulatorConfiguration) -> SimulatedTable {
    SimulatedTable(
      name: "sys_user", label: "User",
      fields: [
        "sys_id", "user_name", "first_name", "last_name", "name", "email", "active", "locked_out",
        "sys_created_on",
      ],
      rows: configuration.users.map { user in
        [
          "sys_id": user.sysID, "user_name": user.userName, "first_name": user.firstName,
          "last_name": user.lastName,
          "name": [user.firstName, user.lastName].filter { !$0.isEmpty }.joined(separator: " "),
          "email": user.email, "active": "true", "locked_out": "false", "sys_created_on": created,
        ]
      }, displayField: "user_name")
  }

  /// `oauth_entity`, the Application Registry. Field names: SERVICENOW.md ("What an admin sets
  /// up"); `user` is the OAuth Application User (a reference to sys_user) and `client_type`
  /// `integration_as_a_user` for client credentials, as a public onboarding runbook found with
  /// the code search writes them (its setup script creates such a record through the Table API).
  /// `client_secret` reads back as a stored-encrypted value, as that runbook observed.
  private static func oauthEntities(_ configuration: SimulatorConfiguration) -> SimulatedTable {
    let usersByName = Dictionary(
      configuration.users.map { ($0.userName, $0.sysID) }, uniquingKeysWith: { first, _ in first })
    return SimulatedTable(
      name: "oauth_entity", label: "Application Registries",
      fields: [
        "sys_id", "name", "client_id", "client_secret", "redirect_url", "public_client",
        "access_token_lifespan",
        "refresh_token_lifespan", "active", "user", "client_type", "type", "sys_created_on",
      ],
      rows: configuration.oauthClients.map { client in
        [
          "sys_id": client.sysID, "name": client.name, "client_id": client.id,
          "client_secret": client.secret.map { "enc:" + String(SHA256.hex("oauth_secret:" + $0).prefix(24)) }
            ?? "",
          "redirect_url": client.redirectURLs.joined(separator: ","),
          "public_client": client.publicClient ? "true" : "false",
          "access_token_lifespan": String(client.accessTokenLifespan),
          "refresh_token_lifespan": String(client.refreshTokenLifespan),
          "active": client.active ? "true" : "false",
          "user": client.applicationUser.flatMap { usersByName[$0] } ?? "",
          "client_type": client.applicationUser == nil ? "" : "integration_as_a_user",
          "type": "client", "sys_created_on": created,
        ]
      }, references: ["user": "sys_user"], adminOnly: true)
  }

  // MARK: stored tables

  /// The tables the instance keeps rows of (writes land here), seeded for `scenarios`.
  ///
  /// The agent-transfer seeds are the healthy setup of the seeds' guide (SERVICENOW.md): the
  /// plugins active, the group "Consumer Service Support" with the roles awa_agent and
  /// agent_workspace_user and one member, the REST message "VABot to Bot" with its
  /// postMessage method pointing at the bot's webhook. Each misconfiguration scenario breaks
  /// exactly one of them.
  static func stored(scenarios: Set<Scenario>, configuration: SimulatorConfiguration) -> [String:
    SimulatedTable]
  {
    var tables: [String: SimulatedTable] = [:]
    for table in [
      incidents(), plugins(scenarios), pluginView(scenarios), properties(scenarios), roles(), groups(),
      groupRoles(scenarios), groupMembers(scenarios, configuration), restMessages(scenarios),
      restMethods(scenarios), presenceStates(), agentPresence(configuration),
    ] {
      tables[table.name] = table
    }
    tables["sys_db_object"] = databaseObjects(Array(tables.keys) + configured)
    return tables
  }

  private static func databaseObjects(_ names: [String]) -> SimulatedTable {
    let labels = [
      "sys_user": "User", "sys_db_object": "Table", "incident": "Incident", "sys_plugins": "Plugins",
      "oauth_entity": "Application Registries",
    ]
    return SimulatedTable(
      name: "sys_db_object", label: "Table",
      fields: ["sys_id", "name", "label", "super_class", "sys_created_on"],
      rows: (names + ["sys_db_object"]).sorted().map { name in
        [
          "sys_id": sysID("sys_db_object:" + name), "name": name, "label": labels[name] ?? name,
          "super_class": name == "incident" ? sysID("sys_db_object:task") : "", "sys_created_on": created,
        ]
      })
  }

  private static func incidents() -> SimulatedTable {
    let seeds = [
      ("INC0010001", "Email server is down", "1", "1"),
      ("INC0010002", "Cannot connect to VPN", "2", "2"),
      ("INC0010003", "Printer on floor 3 jams", "1", "4"),
      ("INC0010004", "Password reset for new hire", "6", "3"),
    ]
    return SimulatedTable(
      name: "incident", label: "Incident",
      fields: ["sys_id", "number", "short_description", "state", "priority", "active", "sys_created_on"],
      rows: seeds.map { number, text, state, priority in
        [
          "sys_id": sysID("incident:" + number), "number": number, "short_description": text, "state": state,
          "priority": priority, "active": state == "6" ? "false" : "true", "sys_created_on": created,
        ]
      }, displayField: "number")
  }

  /// The plugins of the agent-transfer guide. The Omni-Experience Standard Feature Set's id
  /// `sn_oe_sfs` is from SND (Virtual Agent IVR setup); the others from SERVICENOW.md.
  static let agentPlugins = [
    ("com.glide.awa", "Advanced Work Assignment"),
    ("com.glide.cs.chatbot", "Glide Virtual Agent"),
    ("sn_va_as_service", "Virtual Agent API"),
    ("com.sn_customerservice", "Customer Service Management"),
    ("sn_oe_sfs", "Omni-Experience Standard Feature Set"),
  ]

  /// `sys_plugins` (fields name, source, active; SERVICENOW.md). `missing-plugin` leaves
  /// Advanced Work Assignment out.
  private static func plugins(_ scenarios: Set<Scenario>) -> SimulatedTable {
    SimulatedTable(
      name: "sys_plugins", label: "Plugins",
      fields: ["sys_id", "name", "source", "active", "sys_created_on"],
      rows: agentPlugins.filter { !(scenarios.contains(.missingPlugin) && $0.0 == "com.glide.awa") }.map {
        source, name in
        [
          "sys_id": sysID("sys_plugins:" + source), "name": name, "source": source, "active": "active",
          "sys_created_on": created,
        ]
      }, adminOnly: true)
  }

  /// `v_plugin`, the plugin list view. Its field names (id, name, active, version) are not
  /// sourced; `id` carries what sys_plugins calls `source`. Read-only, like a view.
  private static func pluginView(_ scenarios: Set<Scenario>) -> SimulatedTable {
    SimulatedTable(
      name: "v_plugin", label: "Plugins",
      fields: ["sys_id", "id", "name", "active", "version"],
      rows: agentPlugins.filter { !(scenarios.contains(.missingPlugin) && $0.0 == "com.glide.awa") }.map {
        source, name in
        [
          "sys_id": sysID("v_plugin:" + source), "id": source, "name": name, "active": "active",
          "version": "1.0.0",
        ]
      }, adminOnly: true, readOnly: true)
  }

  /// The client-credentials property, as the token endpoint reads it.
  static let clientCredentialsProperty = "glide.oauth.inbound.client.credential.grant_type.enabled"

  /// `sys_properties` (name, value, type). The client-credentials property exists and is true;
  /// `cc-disabled` leaves it out (it does not exist until an admin creates it); `ropc-disabled`
  /// sets glide.oauth.inbound.ropc.grant_type.disabled.
  private static func properties(_ scenarios: Set<Scenario>) -> SimulatedTable {
    let ropc = scenarios.contains(.ropcDisabled) ? "true" : "false"
    var seeds = [("glide.oauth.inbound.ropc.grant_type.disabled", ropc, "true|false")]
    if !scenarios.contains(.ccDisabled) { seeds.append((clientCredentialsProperty, "true", "true|false")) }
    return SimulatedTable(
      name: "sys_properties", label: "System Property",
      fields: ["sys_id", "name", "value", "type", "sys_created_on"],
      rows: seeds.map { name, value, _ in
        [
          "sys_id": sysID("sys_properties:" + name), "name": name, "value": value, "type": "true|false",
          "sys_created_on": created,
        ]
      }, adminOnly: true)
  }

  static let roleNames = [
    "admin", "itil", "awa_agent", "agent_workspace_user", "snc_platform_rest_api_access",
  ]

  private static func roles() -> SimulatedTable {
    SimulatedTable(
      name: "sys_user_role", label: "Role", fields: ["sys_id", "name", "sys_created_on"],
      rows: roleNames.map {
        ["sys_id": sysID("sys_user_role:" + $0), "name": $0, "sys_created_on": created]
      },
      adminOnly: true)
  }

  /// The agent group of the Kore.ai agent-transfer guide (issue 14).
  static let agentGroup = "Consumer Service Support"

  private static func groups() -> SimulatedTable {
    SimulatedTable(
      name: "sys_user_group", label: "Group",
      fields: ["sys_id", "name", "active", "description", "sys_created_on"],
      rows: [
        [
          "sys_id": sysID("sys_user_group:" + agentGroup), "name": agentGroup, "active": "true",
          "description": "Agents who take chats transferred from the bot", "sys_created_on": created,
        ]
      ], adminOnly: true)
  }

  /// `sys_group_has_role` (group, role: references). `missing-role` leaves agent_workspace_user out.
  private static func groupRoles(_ scenarios: Set<Scenario>) -> SimulatedTable {
    let roles = ["awa_agent", "agent_workspace_user"].filter {
      !(scenarios.contains(.missingRole) && $0 == "agent_workspace_user")
    }
    return SimulatedTable(
      name: "sys_group_has_role", label: "Group Role",
      fields: ["sys_id", "group", "role", "inherits", "sys_created_on"],
      rows: roles.map { role in
        [
          "sys_id": sysID("sys_group_has_role:" + role), "group": sysID("sys_user_group:" + agentGroup),
          "role": sysID("sys_user_role:" + role), "inherits": "true", "sys_created_on": created,
        ]
      }, references: ["group": "sys_user_group", "role": "sys_user_role"], adminOnly: true)
  }

  /// The user who takes chats: the last configured user (beth.anglin on the demo).
  static func agentUser(_ configuration: SimulatorConfiguration) -> SimulatedUser? {
    configuration.users.count > 1 ? configuration.users.last : nil
  }

  /// `sys_user_grmember` (group, user: references). `empty-group` has no row.
  private static func groupMembers(_ scenarios: Set<Scenario>, _ configuration: SimulatorConfiguration)
    -> SimulatedTable
  {
    let members = scenarios.contains(.emptyGroup) ? [] : [agentUser(configuration)].compactMap { $0 }
    return SimulatedTable(
      name: "sys_user_grmember", label: "Group Member",
      fields: ["sys_id", "group", "user", "sys_created_on"],
      rows: members.map { user in
        [
          "sys_id": sysID("sys_user_grmember:" + user.userName),
          "group": sysID("sys_user_group:" + agentGroup),
          "user": user.sysID, "sys_created_on": created,
        ]
      }, references: ["group": "sys_user_group", "user": "sys_user"], adminOnly: true)
  }

  /// The REST message the agent-transfer guide names, and the bot webhook it points at.
  static let restMessageName = "VABot to Bot"
  static let webhook = "https://bots.example.test/chatbot/hooks/st-snowgate-demo"
  static let elsewhere = "https://old-bot.example.test/chatbot/hooks/st-retired"

  /// `sys_rest_message` (name, rest_endpoint). The field is `rest_endpoint`, not `endpoint`: a
  /// public audit tool found with the code search records that `sys_rest_message_fn.endpoint`
  /// "has never existed"; writes accept `endpoint` too and store it as `rest_endpoint`.
  private static func restMessages(_ scenarios: Set<Scenario>) -> SimulatedTable {
    SimulatedTable(
      name: "sys_rest_message", label: "REST Message",
      fields: ["sys_id", "name", "rest_endpoint", "sys_created_on"],
      rows: [
        [
          "sys_id": sysID("sys_rest_message:" + restMessageName), "name": restMessageName,
          "rest_endpoint": scenarios.contains(.webhookElsewhere) ? elsewhere : webhook,
          "sys_created_on": created,
        ]
      ], adminOnly: true)
  }

  /// `sys_rest_message_fn` (rest_message reference, function_name, http_method, rest_endpoint);
  /// `function_name` and `http_method` as public Table API clients found with the code search
  /// use them. Writes accept `name` for `function_name`.
  private static func restMethods(_ scenarios: Set<Scenario>) -> SimulatedTable {
    SimulatedTable(
      name: "sys_rest_message_fn", label: "HTTP Method",
      fields: ["sys_id", "rest_message", "function_name", "http_method", "rest_endpoint", "sys_created_on"],
      rows: [
        [
          "sys_id": sysID("sys_rest_message_fn:postMessage"),
          "rest_message": sysID("sys_rest_message:" + restMessageName), "function_name": "postMessage",
          "http_method": "post", "rest_endpoint": scenarios.contains(.webhookElsewhere) ? elsewhere : webhook,
          "sys_created_on": created,
        ]
      ], references: ["rest_message": "sys_rest_message"], displayField: "function_name", adminOnly: true)
  }

  private static func presenceStates() -> SimulatedTable {
    SimulatedTable(
      name: "awa_presence_state", label: "Presence State",
      fields: ["sys_id", "name", "available", "sys_created_on"],
      rows: [("Available", "true"), ("Away", "false"), ("Offline", "false")].map { name, available in
        [
          "sys_id": sysID("awa_presence_state:" + name), "name": name, "available": available,
          "sys_created_on": created,
        ]
      }, adminOnly: true)
  }

  /// `awa_agent_presence` (agent, current_presence_state): the table and fields as an
  /// instance's own query log shows them (`SELECT awa_agent_presence0.agent FROM
  /// awa_agent_presence … WHERE current_presence_state IN (…)`, found with the code search).
  /// Scripts also read the view `awa_agent_presence_capacity` (ap_agent,
  /// ap_current_presence_state, aca_available); `presenceCapacityView` derives it, so both
  /// names answer.
  private static func agentPresence(_ configuration: SimulatorConfiguration) -> SimulatedTable {
    SimulatedTable(
      name: "awa_agent_presence", label: "Agent Presence",
      fields: ["sys_id", "agent", "current_presence_state", "sys_created_on"],
      rows: [agentUser(configuration)].compactMap { $0 }.map { user in
        [
          "sys_id": sysID("awa_agent_presence:" + user.userName), "agent": user.sysID,
          "current_presence_state": sysID("awa_presence_state:Available"), "sys_created_on": created,
        ]
      }, references: ["agent": "sys_user", "current_presence_state": "awa_presence_state"], adminOnly: true)
  }

  /// The view `awa_agent_presence_capacity` over `awa_agent_presence` and the presence states.
  static func presenceCapacityView(presence: SimulatedTable, states: SimulatedTable) -> SimulatedTable {
    SimulatedTable(
      name: "awa_agent_presence_capacity", label: "Agent Presence Capacity",
      fields: ["sys_id", "ap_agent", "ap_current_presence_state", "aca_available"],
      rows: presence.rows.map { row in
        let state = states.rows.first { $0["sys_id"] == row["current_presence_state"] }
        return [
          "sys_id": row["sys_id"] ?? "", "ap_agent": row["agent"] ?? "",
          "ap_current_presence_state": row["current_presence_state"] ?? "",
          "aca_available": state?["available"] ?? "false",
        ]
      }, references: ["ap_agent": "sys_user", "ap_current_presence_state": "awa_presence_state"],
      adminOnly: true,
      readOnly: true)
  }
}
