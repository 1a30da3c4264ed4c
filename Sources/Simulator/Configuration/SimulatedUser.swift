import Hashing
import Platform

/// A user account of the simulated instance: a `sys_user` row plus the password Basic auth and ROPC check.
public struct SimulatedUser: Sendable, Codable, Equatable {
  public var userName: String
  public var password: String
  public var firstName: String
  public var lastName: String
  public var email: String
  /// Stable 32-hex sys_id; derived from the user name when a scenario file leaves it out.
  public var sysID: String
  /// Role names; `admin` may read and write the admin-only tables (oauth_entity, sys_properties, …).
  public var roles: [String]

  public init(
    userName: String, password: String, firstName: String = "", lastName: String = "", email: String = "",
    sysID: String? = nil, roles: [String] = []
  ) {
    self.roles = roles
    self.userName = userName
    self.password = password
    self.firstName = firstName
    self.lastName = lastName
    self.email = email
    self.sysID = sysID ?? String(SHA256.hex("sys_user:" + userName).prefix(32))
  }

  enum CodingKeys: String, CodingKey {
    case userName, password, firstName, lastName, email, sysID, roles
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      userName: try container.decode(String.self, forKey: .userName),
      password: try container.decode(String.self, forKey: .password),
      firstName: try container.decodeIfPresent(String.self, forKey: .firstName) ?? "",
      lastName: try container.decodeIfPresent(String.self, forKey: .lastName) ?? "",
      email: try container.decodeIfPresent(String.self, forKey: .email) ?? "",
      sysID: try container.decodeIfPresent(String.self, forKey: .sysID),
      roles: try container.decodeIfPresent([String].self, forKey: .roles) ?? [])
  }
}
