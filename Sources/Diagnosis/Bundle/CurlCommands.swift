import Platform
import Vocabulary

/// The curl commands that repeat snowgate's calls, for a support engineer to run by hand.
///
/// Every secret is a reference to an environment variable (`$SNOWGATE_PASSWORD`), never its
/// value, so the commands can go into a ticket; the shell expands them when they are run.
public enum CurlCommands {
  /// The names of the variables the commands read, and what each must hold.
  public static let variables: [(name: String, meaning: String)] = [
    ("SNOWGATE_USER", "the ServiceNow user name"),
    ("SNOWGATE_PASSWORD", "that user's password"),
    ("SNOWGATE_CLIENT_ID", "the OAuth client ID"),
    ("SNOWGATE_CLIENT_SECRET", "the OAuth client secret"),
    ("SNOWGATE_REFRESH_TOKEN", "the refresh token"),
    ("SNOWGATE_ACCESS_TOKEN", "the access_token from the token call's answer"),
  ]

  /// The probe, the token call (OAuth kinds only) and the test call, in that order.
  ///
  /// `auth` is the command's auth kind: basic, password, refresh-token or client-credentials;
  /// any other kind gets the bearer test call without a token call.
  public static func make(
    baseURL: URL, auth: AuthKind, apiVersion: String? = nil, timeout: Double = 10, probePath: String = "/"
  )
    -> [String]
  {
    let base =
      baseURL.absoluteString.hasSuffix("/")
      ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
    let limit = "--max-time \(Int(timeout.rounded(.up)))"
    var commands = ["curl -sS -i \(limit) \(PlainString.shellQuoted(base + probePath))"]
    let grant: [String]?
    switch auth {
    case .oauthPassword:
      grant = [
        "'grant_type=password'", "\"client_id=$SNOWGATE_CLIENT_ID\"",
        "\"client_secret=$SNOWGATE_CLIENT_SECRET\"", "\"username=$SNOWGATE_USER\"",
        "\"password=$SNOWGATE_PASSWORD\"",
      ]
    case .oauthRefreshToken:
      grant = [
        "'grant_type=refresh_token'", "\"client_id=$SNOWGATE_CLIENT_ID\"",
        "\"client_secret=$SNOWGATE_CLIENT_SECRET\"", "\"refresh_token=$SNOWGATE_REFRESH_TOKEN\"",
      ]
    case .oauthClientCredentials:
      grant = [
        "'grant_type=client_credentials'", "\"client_id=$SNOWGATE_CLIENT_ID\"",
        "\"client_secret=$SNOWGATE_CLIENT_SECRET\"",
      ]
    case .jwtBearer:
      // The assertion is signed fresh by snowgate; a support engineer pastes one it printed.
      grant = [
        "'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer'", "\"client_id=$SNOWGATE_CLIENT_ID\"",
        "\"client_secret=$SNOWGATE_CLIENT_SECRET\"", "\"assertion=$SNOWGATE_JWT_ASSERTION\"",
      ]
    case .basic, .oauthAuthorizationCode, .apiKey, .certificate:
      grant = nil
    }
    if let grant {
      let fields = grant.map { " \\\n  --data-urlencode \($0)" }.joined()
      commands.append(
        "curl -sS -i \(limit) -H 'Accept: application/json' \(PlainString.shellQuoted(base + "/oauth_token.do"))\(fields)"
      )
    }
    let credentials =
      switch auth {
      case .basic: "-u \"$SNOWGATE_USER:$SNOWGATE_PASSWORD\""
      case .apiKey: "-H \"x-sn-apikey: $SNOWGATE_API_KEY\""
      // The files the profile names; curl asks for an encrypted key's passphrase itself.
      case .certificate: "--cert \"$SNOWGATE_CERT_FILE\" --key \"$SNOWGATE_KEY_FILE\""
      default: "-H \"Authorization: Bearer $SNOWGATE_ACCESS_TOKEN\""
      }
    let table =
      base + "/api/now/" + (apiVersion.map { $0 + "/" } ?? "")
      + "table/sys_user?sysparm_limit=1&sysparm_fields=sys_id,user_name"
    commands.append(
      "curl -sS -i \(limit) -H 'Accept: application/json' \\\n  \(credentials) \\\n  \(PlainString.shellQuoted(table))"
    )
    return commands
  }
}
