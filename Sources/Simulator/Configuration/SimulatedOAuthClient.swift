import Hashing
import Platform

/// An OAuth application registry entry (`oauth_entity`) of the simulated instance.
public struct SimulatedOAuthClient: Sendable, Codable, Equatable {
  /// The Client ID.
  public var id: String
  /// The Client Secret; `nil` for a public client, which must use PKCE instead.
  public var secret: String?
  public var name: String
  public var publicClient: Bool
  /// Registered redirect URLs; an unregistered `redirect_uri` falls back to the first one.
  public var redirectURLs: [String]
  /// Access token lifespan in seconds; answers say `expires_in` one second less.
  public var accessTokenLifespan: Int
  /// Refresh token lifespan in seconds.
  public var refreshTokenLifespan: Int
  /// The "OAuth Application User" that client-credentials tokens act as; without one that grant is refused.
  public var applicationUser: String?
  /// Stable 32-hex sys_id of the `oauth_entity` row.
  public var sysID: String
  /// The record's Active flag; an inactive record gets the catch-all for every grant.
  public var active: Bool

  public init(
    id: String, secret: String?, name: String? = nil, publicClient: Bool = false, redirectURLs: [String] = [],
    accessTokenLifespan: Int = 1800, refreshTokenLifespan: Int = 8_640_000, applicationUser: String? = nil,
    sysID: String? = nil, active: Bool = true
  ) {
    self.active = active
    self.id = id
    self.secret = secret
    self.name = name ?? id
    self.publicClient = publicClient
    self.redirectURLs = redirectURLs
    self.accessTokenLifespan = accessTokenLifespan
    self.refreshTokenLifespan = refreshTokenLifespan
    self.applicationUser = applicationUser
    self.sysID = sysID ?? String(SHA256.hex("oauth_entity:" + id).prefix(32))
  }

  enum CodingKeys: String, CodingKey {
    case id, secret, name, publicClient, redirectURLs, accessTokenLifespan, refreshTokenLifespan
    case applicationUser, sysID, active
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try container.decode(String.self, forKey: .id),
      secret: try container.decodeIfPresent(String.self, forKey: .secret),
      name: try container.decodeIfPresent(String.self, forKey: .name),
      publicClient: try container.decodeIfPresent(Bool.self, forKey: .publicClient) ?? false,
      redirectURLs: try container.decodeIfPresent([String].self, forKey: .redirectURLs) ?? [],
      accessTokenLifespan: try container.decodeIfPresent(Int.self, forKey: .accessTokenLifespan) ?? 1800,
      refreshTokenLifespan: try container.decodeIfPresent(Int.self, forKey: .refreshTokenLifespan)
        ?? 8_640_000,
      applicationUser: try container.decodeIfPresent(String.self, forKey: .applicationUser),
      sysID: try container.decodeIfPresent(String.self, forKey: .sysID),
      active: try container.decodeIfPresent(Bool.self, forKey: .active) ?? true)
  }
}
