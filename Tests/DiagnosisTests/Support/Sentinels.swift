/// Secrets that tests hand to the code and then look for in every output.
enum Sentinels {
  static let password = "pw-S3CR3T-SENTINEL"
  static let clientSecret = "cs-S3CR3T-SENTINEL"
  static let token = "tok-S3CR3T-SENTINEL"
  static let proxyPassword = "proxy-S3CR3T"

  static func leaked(in text: String) -> Bool {
    text.contains("S3CR3T") || text.contains("SENTINEL")
  }
}
