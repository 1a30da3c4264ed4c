import Foundation
import Hashing

/// One table of the simulated instance: its columns in order and its rows of string values.
///
/// The Table API returns every value as a string, so rows are plain string dictionaries.
struct SimulatedTable: Sendable {
  var name: String
  var label: String
  var fields: [String]
  var rows: [[String: String]]

  static let names = ["sys_user", "sys_db_object", "incident", "sys_plugins", "oauth_entity"]

  /// The seeded table called `name`, or nil for a table the instance does not have.
  static func seeded(_ name: String, configuration: SimulatorConfiguration) -> SimulatedTable? {
    switch name {
    case "sys_user": return users(configuration)
    case "sys_db_object": return databaseObjects()
    case "incident": return incidents()
    case "sys_plugins": return plugins()
    case "oauth_entity": return oauthEntities(configuration)
    default: return nil
    }
  }

  private static let created = "2024-01-15 09:30:00"

  private static func sysID(_ seed: String) -> String { String(SHA256.hex(seed).prefix(32)) }

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
      })
  }

  private static func databaseObjects() -> SimulatedTable {
    let labels = [
      ("sys_user", "User"), ("sys_db_object", "Table"), ("incident", "Incident"),
      ("sys_plugins", "Plugins"), ("oauth_entity", "Application Registries"),
    ]
    return SimulatedTable(
      name: "sys_db_object", label: "Table",
      fields: ["sys_id", "name", "label", "super_class", "sys_created_on"],
      rows: labels.map { name, label in
        [
          "sys_id": sysID("sys_db_object:" + name), "name": name, "label": label,
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
      })
  }

  private static func plugins() -> SimulatedTable {
    let seeds = [
      ("com.glide.awa", "Advanced Work Assignment"),
      ("com.glide.cs.chatbot", "Glide Virtual Agent"),
      ("sn_va_as_service", "Virtual Agent API"),
      ("com.sn_customerservice", "Customer Service Management"),
    ]
    return SimulatedTable(
      name: "sys_plugins", label: "Plugins",
      fields: ["sys_id", "name", "source", "active", "sys_created_on"],
      rows: seeds.map { source, name in
        [
          "sys_id": sysID("sys_plugins:" + source), "name": name, "source": source, "active": "active",
          "sys_created_on": created,
        ]
      })
  }

  private static func oauthEntities(_ configuration: SimulatorConfiguration) -> SimulatedTable {
    SimulatedTable(
      name: "oauth_entity", label: "Application Registries",
      fields: [
        "sys_id", "name", "client_id", "redirect_url", "public_client", "access_token_lifespan",
        "refresh_token_lifespan", "active", "sys_created_on",
      ],
      rows: configuration.oauthClients.map { client in
        [
          "sys_id": client.sysID, "name": client.name, "client_id": client.id,
          "redirect_url": client.redirectURLs.joined(separator: ","),
          "public_client": client.publicClient ? "true" : "false",
          "access_token_lifespan": String(client.accessTokenLifespan),
          "refresh_token_lifespan": String(client.refreshTokenLifespan), "active": "true",
          "sys_created_on": created,
        ]
      })
  }
}
