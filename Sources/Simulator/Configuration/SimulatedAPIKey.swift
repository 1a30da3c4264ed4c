import Platform

/// An inbound REST API Key record (`com.glide.tokenbased_auth`): a key that acts as one user.
///
/// Sent as the `x-sn-apikey` header (or query parameter); a wrong, inactive or expired key gets
/// the Table API's 401 envelope, as does a right key when the access policy does not allow
/// token auth (the `api-key-no-policy` scenario).
public struct SimulatedAPIKey: Sendable, Codable, Equatable {
  /// The key's value (the "Token" field of the record).
  public var key: String
  /// The user the key acts as.
  public var userName: String
  /// When it stops working; nil for never. In scenario files an ISO 8601 date-time.
  public var expiresAt: Date?
  public var active: Bool

  public init(key: String, userName: String, expiresAt: Date? = nil, active: Bool = true) {
    self.key = key
    self.userName = userName
    self.expiresAt = expiresAt
    self.active = active
  }

  enum CodingKeys: String, CodingKey {
    case key, userName, expiresAt, active
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    var expiry: Date?
    if let text = try container.decodeIfPresent(String.self, forKey: .expiresAt) {
      // Whole seconds only, as ISO8601DateFormatter's default options read.
      guard !text.contains("."), let date = try? Date(text, strategy: .iso8601) else {
        throw DecodingError.dataCorruptedError(
          forKey: .expiresAt, in: container,
          debugDescription: "not an ISO 8601 date-time such as 2027-01-31T00:00:00Z")
      }
      expiry = date
    }
    self.init(
      key: try container.decode(String.self, forKey: .key),
      userName: try container.decode(String.self, forKey: .userName), expiresAt: expiry,
      active: try container.decodeIfPresent(Bool.self, forKey: .active) ?? true)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(key, forKey: .key)
    try container.encode(userName, forKey: .userName)
    try container.encodeIfPresent(
      expiresAt.map { $0.formatted(.iso8601) }, forKey: .expiresAt)
    try container.encode(active, forKey: .active)
  }
}
