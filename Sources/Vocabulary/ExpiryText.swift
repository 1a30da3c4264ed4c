import Platform

/// Says how long a stored access token has left, the way `snowgate profiles` shows it.
///
/// Relative words ("expires in 12 min") answer the question people have when they list
/// profiles (will my script work now?) better than a timestamp in another time zone. Here in
/// Vocabulary so the wizard's token screen says it in the same words.
public enum ExpiryText {
  /// The dash shown when no access token with an expiry is stored (Basic, or nothing yet).
  public static let none = "—"

  /// "expires in 12 min", "expired", or "—" when no token expiry is stored.
  public static func describe(expiresAt: Date?, now: Date) -> String {
    guard let expiresAt else { return none }
    let seconds = expiresAt.timeIntervalSince(now)
    if seconds <= 0 { return "expired" }
    if seconds < 60 { return "expires in under 1 min" }
    let minutes = Int(seconds / 60)
    if minutes < 120 { return "expires in \(minutes) min" }
    let hours = minutes / 60
    if hours < 48 { return "expires in \(hours) h" }
    return "expires in \(hours / 24) days"
  }

  /// The state word of `--json`: `none`, `expired` or `valid`.
  public static func state(expiresAt: Date?, now: Date) -> String {
    guard let expiresAt else { return "none" }
    return expiresAt > now ? "valid" : "expired"
  }
}
